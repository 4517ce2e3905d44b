package org.bulkhead.model.host;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.bulkhead.model.xml.SafeXml;

import com.fasterxml.jackson.dataformat.xml.XmlMapper;

/** Reads a capabilities XML with Jackson and maps it to {@link HostCapabilities}. */
final class CapabilitiesXmlReader {

    private static final XMLInputFactory INPUT = SafeXml.inputFactory();
    private static final XmlMapper MAPPER = SafeXml.mapper(INPUT);

    private CapabilitiesXmlReader() {
    }


    static HostCapabilities read(String xml) {
        Objects.requireNonNull(xml, "capabilities XML");
        CapabilitiesElements.Capabilities caps;
        try {
            XMLStreamReader reader = INPUT.createXMLStreamReader(new StringReader(xml));
            toRootElement(reader);
            if (!"capabilities".equals(reader.getLocalName())) {
                throw new CapabilitiesXmlException("Not a libvirt capabilities XML: the root element is <"
                        + reader.getLocalName() + ">, expected <capabilities>");
            }
            caps = MAPPER.readValue(reader, CapabilitiesElements.Capabilities.class);
        } catch (XMLStreamException | IOException e) {
            throw new CapabilitiesXmlException("Malformed capabilities XML: " + e.getMessage(), e);
        }
        CapabilitiesElements.Host host = caps.host;
        if (host == null || host.cpu == null || host.cpu.arch == null || host.cpu.arch.isBlank()) {
            throw new CapabilitiesXmlException("Capabilities XML has no <host><cpu><arch>");
        }
        List<SecModel> models = host.secmodels.stream().map(CapabilitiesXmlReader::toSecModel).toList();
        String arch = host.cpu.arch.strip();
        return new HostCapabilities(Optional.ofNullable(host.uuid).map(String::strip).filter(u -> !u.isEmpty()),
                arch, models, virtTypes(caps.guests, arch));
    }

    /** The domain types (kvm, qemu...) offered for full-virtualization guests of the host's own architecture. */
    private static Set<String> virtTypes(List<CapabilitiesElements.Guest> guests, String arch) {
        Set<String> types = new LinkedHashSet<>();
        for (CapabilitiesElements.Guest guest : guests) {
            if (guest.arch != null && arch.equals(guest.arch.name) && "hvm".equals(strip(guest.osType))) {
                guest.arch.domains.stream().map(d -> strip(d.type)).filter(t -> !t.isEmpty()).forEach(types::add);
            }
        }
        return types;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static void toRootElement(XMLStreamReader reader) throws XMLStreamException {
        while (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
            if (reader.getEventType() == XMLStreamConstants.DTD) {
                throw new CapabilitiesXmlException("Capabilities XML must not contain a DOCTYPE");
            }
            if (reader.getEventType() == XMLStreamConstants.END_DOCUMENT) {
                throw new CapabilitiesXmlException("Malformed capabilities XML: no root element");
            }
            reader.next();
        }
    }

    private static SecModel toSecModel(CapabilitiesElements.Secmodel s) {
        if (s.model == null || s.model.isBlank()) {
            throw new CapabilitiesXmlException("Capabilities XML has a <secmodel> without <model>");
        }
        Map<String, String> baseLabels = new LinkedHashMap<>();
        for (CapabilitiesElements.Baselabel b : s.baselabels) {
            if (b.type != null && b.label != null) {
                baseLabels.putIfAbsent(b.type, b.label.strip());
            }
        }
        // the test driver writes an empty <doi></doi>
        return new SecModel(s.model.strip(), s.doi == null ? "" : s.doi.strip(), baseLabels);
    }
}
