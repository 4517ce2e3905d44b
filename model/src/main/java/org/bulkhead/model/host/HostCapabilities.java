package org.bulkhead.model.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Bulkhead reads from {@code virConnectGetCapabilities}: the host's identity and architecture
 * and the security models the connection uses, primary first.
 */
public record HostCapabilities(Optional<String> hostUuid, String arch, List<SecModel> secModels) {

    public HostCapabilities {
        Objects.requireNonNull(hostUuid, "hostUuid");
        Objects.requireNonNull(arch, "arch");
        secModels = List.copyOf(secModels);
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
