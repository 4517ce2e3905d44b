package org.bulkhead.model.hypervisor;

import java.util.List;
import java.util.Objects;

/**
 * What deleting a domain with its storage did to each of its own disk images: the files
 * deleted, and the files kept with the reason (in no storage pool, so not libvirt's to delete;
 * or the pool refused).
 */
public record DeletedStorage(List<String> deleted, List<Kept> kept) {

    /** An image that is still there, and why. */
    public record Kept(String file, String reason) {
        public Kept {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public DeletedStorage {
        deleted = List.copyOf(deleted);
        kept = List.copyOf(kept);
    }

    /** Why an image in no storage pool is left alone. */
    public static final String NOT_IN_A_POOL = "no storage pool holds it, and Bulkhead deletes only files libvirt"
            + " manages; delete it by hand if nothing else uses it";
}
