package org.bulkhead.model.disposable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;

/**
 * What disposable VMs leave behind when they are not ended in an orderly way: the domain (should
 * the daemon not have destroyed it with the connection) and the overlay. Blocks on libvirt.
 */
public final class Leftovers {

    private Leftovers() {
    }

    /**
     * Removes what earlier Bulkhead processes left when they stopped without ending their disposable
     * VMs (a crash, a kill): the domain, if the daemon has not destroyed it already, and the overlay.
     *
     * @return one sentence per leftover, saying what was cleaned or what is still there
     */
    public static List<String> cleanOrphans(LiveDisposables live, Function<String, HypervisorConnection> open) {
        List<String> said = new ArrayList<>();
        for (LiveDisposables.Entry entry : live.orphaned()) {
            List<String> removed = new ArrayList<>();
            List<String> left = new ArrayList<>();
            try (HypervisorConnection connection = open.apply(entry.uri())) {
                destroy(connection, entry.uuid(), entry.name(), removed, left);
                try {
                    connection.deleteVolume(entry.overlay());
                    removed.add("deleted its overlay " + entry.overlay());
                } catch (HypervisorException e) {
                    left.add("its overlay " + entry.overlay() + " could not be deleted (" + e.userMessage()
                            + "; if it is still there, remove it with virsh vol-delete " + entry.overlay() + ")");
                }
            } catch (HypervisorException e) {
                left.add("could not connect to " + entry.uri() + " (" + e.userMessage() + ")");
            }
            if (left.isEmpty()) {
                live.remove(entry.uri(), entry.uuid());
                said.add("Cleaned up the disposable VM '" + entry.name() + "' (of '" + entry.template()
                        + "') that an earlier Bulkhead left on " + entry.uri() + ": " + String.join("; ", removed) + ".");
            } else {
                said.add("The disposable VM '" + entry.name() + "' that an earlier Bulkhead left on " + entry.uri()
                        + " is not cleaned up: " + String.join("; ", left)
                        + (removed.isEmpty() ? "." : ". Done: " + String.join("; ", removed) + "."));
            }
        }
        return said;
    }

    static void destroy(HypervisorConnection connection, String uuid, String name, List<String> removed,
            List<String> left) {
        try {
            if (connection.domain(uuid).isPresent()) {
                connection.destroy(uuid);
                removed.add("destroyed the VM");
            } else {
                removed.add("the VM was already gone");
            }
        } catch (HypervisorException e) {
            // Gone between the look-up and the destroy is fine; still there is not.
        }
        if (connection.domain(uuid).isPresent()) {
            left.add("the VM '" + name + "' still exists (virsh destroy " + name + ")");
        }
    }
}
