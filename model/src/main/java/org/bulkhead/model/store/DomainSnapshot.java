package org.bulkhead.model.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.hypervisor.DomainListing;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.security.DomainSecurity;
import org.bulkhead.model.host.HostEnforcement;

/**
 * One domain at one moment, as every view shows it: what libvirt reported, its parsed XML and
 * what Bulkhead worked out about its confinement.
 */
public record DomainSnapshot(String connectionUri, DomainRecord record, DomainSpec spec, DomainSecurity security) {

    public DomainSnapshot {
        Objects.requireNonNull(connectionUri, "connectionUri");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(security, "security");
    }

    /**
     * A domain as listed, before it is read and inspected: name and state, no XML, no labels,
     * and a trust verdict that says so ({@link #inspected()} is false).
     */
    public static DomainSnapshot listed(String connectionUri, DomainListing listing, HostEnforcement hostEnforcement) {
        return new DomainSnapshot(connectionUri,
                new DomainRecord(listing.uuid(), listing.name(), listing.state(), ""),
                new DomainSpec(listing.name(), listing.uuid(), "", List.of(), List.of(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), List.of()),
                DomainSecurity.unchecked(hostEnforcement));
    }

    /** Whether the domain's XML was read and its labels inspected; false for a {@link #listed} one. */
    public boolean inspected() {
        return security.checked();
    }

    public DomainKey key() {
        return new DomainKey(connectionUri, record.uuid());
    }

    public String uuid() {
        return record.uuid();
    }

    public String name() {
        return record.name();
    }

    public DomainState state() {
        return record.state();
    }
}
