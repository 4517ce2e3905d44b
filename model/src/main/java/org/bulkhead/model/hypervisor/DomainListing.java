package org.bulkhead.model.hypervisor;

import java.util.Objects;

/**
 * A domain as a list names it: identity and state, without its XML. What a window can show the
 * moment libvirt has listed the domains, before each one is read and inspected.
 */
public record DomainListing(String uuid, String name, DomainState state) {

    public DomainListing {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }

    public static DomainListing of(DomainRecord record) {
        return new DomainListing(record.uuid(), record.name(), record.state());
    }
}
