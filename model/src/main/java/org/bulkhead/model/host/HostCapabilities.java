package org.bulkhead.model.host;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What Bulkhead reads from {@code virConnectGetCapabilities}: the host's identity and architecture,
 * the security models the connection uses, primary first, and the domain types it can run for
 * the host's architecture.
 *
 * @param virtTypes {@code kvm}, {@code qemu} (TCG)... for full-virtualization guests of {@code arch}
 */
public record HostCapabilities(Optional<String> hostUuid, String arch, List<SecModel> secModels,
        Set<String> virtTypes) {

    public HostCapabilities {
        Objects.requireNonNull(hostUuid, "hostUuid");
        Objects.requireNonNull(arch, "arch");
        secModels = List.copyOf(secModels);
        virtTypes = Collections.unmodifiableSet(new LinkedHashSet<>(virtTypes));
    }

    /** Whether libvirt offers hardware-accelerated (KVM) domains on this host. */
    public boolean offersKvm() {
        return virtTypes.contains("kvm");
    }

    /**
     * @throws CapabilitiesXmlException when the XML is malformed or has no host architecture
     */
    public static HostCapabilities parse(String capabilitiesXml) {
        return CapabilitiesXmlReader.read(capabilitiesXml);
    }

    /** The model libvirt applies first and reports through {@code virNodeGetSecurityModel}. */
    public Optional<SecModel> primary() {
        return secModels.stream().findFirst();
    }

    public Optional<SecModel> model(String name) {
        return secModels.stream().filter(m -> m.model().equals(name)).findFirst();
    }
}
