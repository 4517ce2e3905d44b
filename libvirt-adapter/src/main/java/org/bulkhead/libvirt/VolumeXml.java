package org.bulkhead.libvirt;

import org.bulkhead.model.xml.SafeXml;
import java.util.Set;
import org.bulkhead.model.hypervisor.VolumeRequest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The {@code <volume>} XML for a new pool volume. Built with the DOM, never by string
 * concatenation, so a name with quotes, {@code <} or {@code &} stays a name.
 */
final class VolumeXml {

    static final Set<String> FORMATS = Set.of("qcow2", "raw");

    private VolumeXml() {
    }

    static String of(VolumeRequest request) {
        if (!FORMATS.contains(request.format())) {
            throw new IllegalArgumentException("volume format must be qcow2 or raw, was '"
                    + request.format() + "'");
        }
        if (request.mode() != -1 && (request.mode() < 0 || request.mode() > 07777)) {
            throw new IllegalArgumentException("volume mode must be -1 or an octal permission up to 07777, was "
                    + Integer.toOctalString(request.mode()));
        }
        Document document = SafeXml.newDocument();
        Element volume = document.createElement("volume");
        document.appendChild(volume);
        child(volume, "name").setTextContent(request.name());
        Element capacity = child(volume, "capacity");
        capacity.setAttribute("unit", "bytes");
        capacity.setTextContent(Long.toString(request.capacityBytes()));
        // Allocation 0: raw files stay sparse instead of being written out in full.
        Element allocation = child(volume, "allocation");
        allocation.setAttribute("unit", "bytes");
        allocation.setTextContent("0");
        Element target = child(volume, "target");
        child(target, "format").setAttribute("type", request.format());
        if (request.mode() != -1) {
            Element permissions = child(target, "permissions");
            child(permissions, "mode").setTextContent(String.format("%04o", request.mode()));
        }
        return SafeXml.serialize(document, false, false);
    }

    /** A qcow2 overlay of {@code backingPath}, its permission bits {@code mode}. */
    static String overlay(String name, long capacityBytes, String backingPath, String backingFormat, int mode) {
        Document document = SafeXml.newDocument();
        Element volume = document.createElement("volume");
        document.appendChild(volume);
        child(volume, "name").setTextContent(name);
        Element capacity = child(volume, "capacity");
        capacity.setAttribute("unit", "bytes");
        capacity.setTextContent(Long.toString(capacityBytes));
        Element target = child(volume, "target");
        child(target, "format").setAttribute("type", "qcow2");
        child(child(target, "permissions"), "mode").setTextContent(String.format("%04o", mode & 07777));
        Element backing = child(volume, "backingStore");
        child(backing, "path").setTextContent(backingPath);
        child(backing, "format").setAttribute("type", backingFormat);
        return SafeXml.serialize(document, false, false);
    }

    /** The {@code <target><format type>} of a volume's XML. */
    static java.util.Optional<String> format(String volumeXml) {
        Document document = SafeXml.parse(volumeXml, "the volume's XML");
        var targets = document.getDocumentElement().getElementsByTagName("target");
        for (int i = 0; i < targets.getLength(); i++) {
            if (targets.item(i).getParentNode() == document.getDocumentElement()) {
                var formats = ((Element) targets.item(i)).getElementsByTagName("format");
                if (formats.getLength() > 0) {
                    String type = ((Element) formats.item(0)).getAttribute("type");
                    return type.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(type);
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static Element child(Element parent, String name) {
        Element element = parent.getOwnerDocument().createElement(name);
        parent.appendChild(element);
        return element;
    }
}
