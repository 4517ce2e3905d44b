package org.bulkhead.model.store;

import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.hypervisor.DomainRecord;

/** Turns what libvirt reported for a domain into the snapshot views show. */
@FunctionalInterface
public interface SnapshotFactory {
    DomainSnapshot snapshot(HostContext host, DomainRecord record);

    /**
     * {@code known} judged again for a host whose enforcement facts changed, reading as little as
     * possible: by default it is built anew from its record.
     */
    default DomainSnapshot rejudge(HostContext host, DomainSnapshot known) {
        return snapshot(host, known.record());
    }
}
