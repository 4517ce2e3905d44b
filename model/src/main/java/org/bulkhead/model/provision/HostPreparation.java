package org.bulkhead.model.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bulkhead.model.hypervisor.StoragePoolInfo;

/**
 * What Finish sets up on the host before the VM: a storage pool to create, a network to start.
 * Both are told on the summary page before Finish and undone if Finish fails.
 */
public record HostPreparation(Optional<StoragePoolInfo> createPool, Optional<String> startNetwork) {

    public static final HostPreparation NONE = new HostPreparation(Optional.empty(), Optional.empty());

    public HostPreparation {
        Objects.requireNonNull(createPool, "createPool");
        Objects.requireNonNull(startNetwork, "startNetwork");
    }

    public boolean isEmpty() {
        return createPool.isEmpty() && startNetwork.isEmpty();
    }

    /** One sentence per change, as the summary shows them. */
    public List<String> changes() {
        List<String> changes = new ArrayList<>();
        createPool.ifPresent(p -> changes.add("create the storage pool '" + p.name() + "' in "
                + p.targetPath().orElseThrow() + " (the host has none)"));
        startNetwork.ifPresent(n -> changes.add("start the network '" + n + "', which is defined but not running"));
        return changes;
    }

    /** The equivalent shell commands. */
    public String commands() {
        List<String> commands = new ArrayList<>();
        createPool.ifPresent(p -> {
            commands.add("virsh pool-define-as " + p.name() + " dir --target " + p.targetPath().orElseThrow());
            commands.add("virsh pool-build " + p.name());
            commands.add("virsh pool-start " + p.name());
            commands.add("virsh pool-autostart " + p.name());
        });
        startNetwork.ifPresent(n -> commands.add("virsh net-start " + n));
        return String.join(" && ", commands);
    }
}
