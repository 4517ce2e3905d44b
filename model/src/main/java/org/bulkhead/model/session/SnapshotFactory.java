package org.bulkhead.model.session;

import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.store.DomainSnapshot;

/** Turns what libvirt reported for a domain into the snapshot views show. */
@FunctionalInterface
public interface SnapshotFactory {
    DomainSnapshot snapshot(HostContext host, DomainRecord record);
}
