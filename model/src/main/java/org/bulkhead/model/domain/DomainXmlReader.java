package org.bulkhead.model.domain;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.bulkhead.model.xml.SafeXml;

import com.fasterxml.jackson.dataformat.xml.XmlMapper;

/** Reads a domain XML with Jackson and maps it to {@link DomainSpec}. */
final class DomainXmlReader {

    private static final XMLInputFactory INPUT = SafeXml.inputFactory();
    private static final XmlMapper MAPPER = SafeXml.mapper(INPUT);

    private DomainXmlReader() {
    }


    static DomainSpec read(String xml) {
        Objects.requireNonNull(xml, "xml");
        DomainElements.Domain domain;
        try {
            XMLStreamReader reader = INPUT.createXMLStreamReader(new StringReader(xml));
            toRootElement(reader);
            if (!"domain".equals(reader.getLocalName())) {
                throw new DomainXmlException("Not a libvirt domain XML: the root element is <"
                        + reader.getLocalName() + ">, expected <domain>");
            }
            domain = MAPPER.readValue(reader, DomainElements.Domain.class);
        } catch (XMLStreamException | IOException e) {
            throw new DomainXmlException("Malformed domain XML: " + firstLine(e.getMessage()), e);
        }
        return toSpec(domain);
    }

    /** Skips the prolog; a DOCTYPE is refused by name, since libvirt never writes one. */
    private static void toRootElement(XMLStreamReader reader) throws XMLStreamException {
        while (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
            if (reader.getEventType() == XMLStreamConstants.DTD) {
                throw new DomainXmlException("Domain XML must not contain a DOCTYPE");
            }
            if (reader.getEventType() == XMLStreamConstants.END_DOCUMENT) {
                throw new DomainXmlException("Malformed domain XML: no root element");
            }
            reader.next();
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static DomainSpec toSpec(DomainElements.Domain d) {
        String name = required(d.name, "<name>");
        String uuid = required(d.uuid, "<uuid>");
        String virtType = required(d.type, "the type attribute of <domain> (kvm, qemu, test...)");
        DomainElements.Os os = d.os == null ? new DomainElements.Os() : d.os;
        DomainElements.Devices devices = d.devices == null ? new DomainElements.Devices() : d.devices;
        List<Disk> disks = devices.disks.stream().map(disk -> toDisk(disk, name)).toList();
        List<Chardev> chardevs = devices.chardevs.stream().map(DomainXmlReader::toChardev).toList();
        List<SecLabel> seclabels = d.seclabels.stream().map(DomainXmlReader::toSecLabel).toList();
        return new DomainSpec(name, uuid.strip(), virtType, disks, chardevs, text(os.kernel),
                text(os.initrd), text(os.dtb), nvramPath(os.nvram), seclabels);
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new DomainXmlException("Domain XML has no " + what);
        }
        return value;
    }

    /** Element text exactly as written; blank counts as absent (e.g. whitespace around children). */
    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<String> attribute(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isEmpty());
    }

    private static Optional<String> nvramPath(DomainElements.Nvram nvram) {
        if (nvram == null) {
            return Optional.empty();
        }
        Optional<String> fromSource = Optional.ofNullable(nvram.source).flatMap(s -> attribute(s.file));
        return fromSource.or(() -> text(nvram.text));
    }

    private static Disk toDisk(DomainElements.Disk d, String domainName) {
        String target = d.target == null ? null : d.target.dev;
        if (target == null || target.isBlank()) {
            throw new DomainXmlException("Domain '" + domainName + "' has a <disk> without <target dev=...>");
        }
        DomainElements.Source source = d.source == null ? new DomainElements.Source() : d.source;
        String sourceType = d.type == null ? "file" : d.type;
        return new Disk(d.device == null ? "disk" : d.device, sourceType, sourcePath(source),
                attribute(source.pool), attribute(source.volume),
                Optional.ofNullable(d.driver).flatMap(driver -> attribute(driver.type)), target,
                d.readonly != null, d.shareable != null, backingChain(d.backingStore),
                deviceSeclabels(source));
    }

    private static Optional<String> sourcePath(DomainElements.Source source) {
        return attribute(source.file).or(() -> attribute(source.dev)).or(() -> attribute(source.dir));
    }

    /** Live XML nests each layer in the one above and ends the chain with an empty element. */
    private static List<BackingStore> backingChain(DomainElements.BackingStore first) {
        List<BackingStore> chain = new ArrayList<>();
        for (DomainElements.BackingStore b = first; b != null && b.type != null; b = b.backingStore) {
            DomainElements.Source source = b.source == null ? new DomainElements.Source() : b.source;
            chain.add(new BackingStore(b.type, sourcePath(source),
                    Optional.ofNullable(b.format).flatMap(f -> attribute(f.type))));
        }
        return chain;
    }

    private static Chardev toChardev(DomainElements.Chardev c) {
        DomainElements.Source source = c.sources.stream().filter(s -> s.path != null).findFirst()
                .orElse(c.sources.isEmpty() ? new DomainElements.Source() : c.sources.get(0));
        // libvirt's parser makes a chardev without a type a pty
        String type = c.type == null ? "pty" : c.type;
        return new Chardev(c.element, type, attribute(source.path), attribute(source.mode),
                deviceSeclabels(source));
    }

    private static List<DeviceSecLabel> deviceSeclabels(DomainElements.Source source) {
        return source.seclabels.stream()
                .map(s -> new DeviceSecLabel(attribute(s.model), yesNo(s.relabel, "relabel of a device seclabel"),
                        text(s.label)))
                .toList();
    }

    private static SecLabel toSecLabel(DomainElements.Seclabel s) {
        Optional<SecLabel.Type> type = Optional.empty();
        if (s.type != null) {
            type = Optional.of(SecLabel.Type.fromXmlName(s.type).orElseThrow(() -> new DomainXmlException(
                    "Unknown seclabel type '" + s.type + "': expected dynamic, static or none")));
        }
        return new SecLabel(attribute(s.model).orElse(null), type, yesNo(s.relabel, "seclabel relabel"),
                text(s.label), text(s.imagelabel), text(s.baselabel));
    }

    private static Optional<Boolean> yesNo(String value, String what) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value) {
            case "yes" -> Optional.of(true);
            case "no" -> Optional.of(false);
            default -> throw new DomainXmlException("Invalid " + what + " '" + value + "': expected yes or no");
        };
    }
}
