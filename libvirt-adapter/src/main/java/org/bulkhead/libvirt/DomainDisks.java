package org.bulkhead.libvirt;

import java.util.List;
import java.util.Optional;

import org.bulkhead.model.domain.Disk;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.DomainXmlException;
import org.bulkhead.model.hypervisor.HypervisorException;

/**
 * The disk images that belong to a domain alone, by the model's one rule
 * ({@link Disk#belongsToDomainAlone()}), as the pool lookups need them.
 */
final class DomainDisks {

    /** Where a disk's image is: a file or block device path, or a named volume in a pool. */
    record Source(Optional<String> path, Optional<String> pool, Optional<String> volume) {

        String describe() {
            return path.orElseGet(() -> pool.orElse("?") + "/" + volume.orElse("?"));
        }
    }

    private DomainDisks() {
    }

    static List<Source> ownedImages(String domainXml) {
        try {
            return DomainXml.parse(domainXml).disks().stream().filter(Disk::belongsToDomainAlone)
                    .map(disk -> new Source(disk.path(), disk.path().isPresent() ? Optional.empty() : disk.pool(),
                            disk.path().isPresent() ? Optional.empty() : disk.volume()))
                    .toList();
        } catch (DomainXmlException e) {
            throw new HypervisorException("Could not tell which disk images belong to the domain: " + e.getMessage(),
                    "Delete it without its storage, then remove its images by hand", e);
        }
    }
}
