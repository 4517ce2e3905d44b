package org.bulkhead.model.store;

import java.util.Objects;

import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.security.DomainSecurity;

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
