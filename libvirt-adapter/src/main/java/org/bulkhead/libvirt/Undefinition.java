package org.bulkhead.libvirt;

import java.util.List;
import org.bulkhead.model.hypervisor.DeletedStorage;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;

/** Removes a domain's definition, optionally with the pool volumes only it used. */
final class Undefinition {

    // virDomainUndefineFlagsValues
    private static final int MANAGED_SAVE = 1;
    private static final int SNAPSHOTS_METADATA = 2;
    private static final int NVRAM = 4;
    private static final int KEEP_NVRAM = 8;
    private static final int CHECKPOINTS_METADATA = 16;

    private Undefinition() {
    }

    static Integer run(Connect connect, Domain domain, String name, boolean removeStorage) throws LibvirtException {
        if (!removeStorage) {
            undefine(domain, false);
            return 0;
        }
        DeletedStorage storage = withStorage(connect, domain, name);
        List<String> failures = storage.kept().stream().filter(k -> !k.reason().equals(DeletedStorage.NOT_IN_A_POOL))
                .map(k -> k.file() + " (" + k.reason() + ")").toList();
        if (!failures.isEmpty()) {
            throw new HypervisorException("Deleted domain '" + name + "' but could not delete "
                    + String.join(", ", failures), "Delete those volumes with the pool's tools or by hand");
        }
        return 0;
    }

    /** Undefines the stopped domain, deletes its own pool volumes and says what became of each image. */
    static DeletedStorage withStorage(Connect connect, Domain domain, String name) throws LibvirtException {
        if (domain.isActive() == 1) {
            throw new HypervisorException("Could not delete domain '" + name
                    + "' with its storage: it is still running", "Shut it down or force it off first");
        }
        List<DomainDisks.Source> images = DomainDisks.ownedImages(domain.getXMLDesc(Domain.XMLFlags.INACTIVE));
        undefine(domain, true);
        return PoolStorage.deleteOwned(connect, images);
    }

    /**
     * Leaves no managed-save image, snapshot or checkpoint metadata behind (libvirt refuses to
     * undefine a domain that has them otherwise); the NVRAM file goes with the storage.
     */
    private static void undefine(Domain domain, boolean removeStorage) throws LibvirtException {
        try {
            domain.undefine(MANAGED_SAVE | SNAPSHOTS_METADATA | CHECKPOINTS_METADATA
                    | (removeStorage ? NVRAM : KEEP_NVRAM));
        } catch (LibvirtException e) {
            // Drivers without NVRAM or checkpoints (the test driver) reject those flags.
            if (Failures.code(e) != ErrorNumber.VIR_ERR_INVALID_ARG) {
                throw e;
            }
            domain.undefine(MANAGED_SAVE | SNAPSHOTS_METADATA);
        }
    }
}
