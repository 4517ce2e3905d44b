package org.bulkhead.model.hypervisor;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a connection reports for one domain at one moment: identity, state, the XML libvirt
 * holds for it (live XML when running), the QEMU process id when it is known (local
 * connections, running domains), and the run-time primary label (running domains).
 */
public record DomainRecord(String uuid, String name, DomainState state, String xml, OptionalLong pid,
        Optional<RuntimeLabel> runtimeLabel) {

    public DomainRecord {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(runtimeLabel, "runtimeLabel");
    }

    public DomainRecord(String uuid, String name, DomainState state, String xml, OptionalLong pid) {
        this(uuid, name, state, xml, pid, Optional.empty());
    }

    public DomainRecord(String uuid, String name, DomainState state, String xml) {
        this(uuid, name, state, xml, OptionalLong.empty(), Optional.empty());
    }
}
