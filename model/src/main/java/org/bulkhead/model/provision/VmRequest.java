package org.bulkhead.model.provision;

import java.util.Objects;
import java.util.Optional;

import org.bulkhead.model.osinfo.GuestOs;

/**
 * The answers of the New VM wizard, validated page by page by the wizard and once more, as a
 * whole, by {@link ProvisionPlanner}.
 *
 * @param virtType  kvm, qemu (TCG, emulated) or test
 * @param network   the libvirt network to attach to (default: NAT); empty for none
 * @param isolated  the Isolated box
 * @param pinLabel  SELinux only: a static pair from the ledger instead of libvirt's dynamic one
 * @param start     start the VM once it is defined
 * @param os        the guest's system where known: its drivers pick the disk bus and network card
 */
public record VmRequest(String name, String virtType, InstallSource source, Storage storage, long memoryMiB,
        int vcpus, Optional<String> network, boolean isolated, boolean pinLabel, boolean start, Optional<GuestOs> os) {

    /** A request for a guest whose system is not known: virtio devices, as most current systems have. */
    public VmRequest(String name, String virtType, InstallSource source, Storage storage, long memoryMiB,
            int vcpus, Optional<String> network, boolean isolated, boolean pinLabel, boolean start) {
        this(name, virtType, source, storage, memoryMiB, vcpus, network, isolated, pinLabel, start, Optional.empty());
    }

    public VmRequest {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(virtType, "virtType");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(network, "network");
    }

    /** Where the guest's system comes from. */
    public sealed interface InstallSource {
        /** An installer ISO in a CD-ROM drive. */
        record Iso(String path) implements InstallSource {
        }

        /** An existing disk image with a system on it, used as the VM's disk. */
        record ImportImage(String path, String format) implements InstallSource {
        }

        /** Nothing: boot from the network. */
        record NetworkBoot() implements InstallSource {
        }
    }

    /** The VM's own disk. */
    public sealed interface Storage {
        /** A new qcow2 volume in a pool. */
        record NewVolume(String pool, long capacityBytes) implements Storage {
        }

        /** The image of {@link InstallSource.ImportImage}, or no disk at all. */
        record NoNewVolume() implements Storage {
        }
    }
}
