package org.bulkhead.libvirt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads from a domain's XML which disk images belong to that domain alone: read-write disks
 * ({@code device='disk'}, neither {@code <readonly/>} nor {@code <shareable/>}). CD-ROMs,
 * floppies, read-only and shared images may serve other domains and are never deleted with it.
 */
final class DomainDisks {

    /** Where a disk's image is: a file or block device path, or a named volume in a pool. */
    record Source(Optional<String> path, Optional<String> pool, Optional<String> volume) {

        static Source ofPath(String path) {
            return new Source(Optional.of(path), Optional.empty(), Optional.empty());
        }

        static Source ofVolume(String pool, String volume) {
            return new Source(Optional.empty(), Optional.of(pool), Optional.of(volume));
        }

        String describe() {
            return path.orElseGet(() -> pool.orElse("?") + "/" + volume.orElse("?"));
        }
    }

    private DomainDisks() {
    }

    static List<Source> ownedImages(String domainXml) {
        Element root = XmlDocuments.parse(domainXml, "domain XML").getDocumentElement();
        List<Source> sources = new ArrayList<>();
        for (Element devices : children(root, "devices")) {
            for (Element disk : children(devices, "disk")) {
                if (!"disk".equals(attribute(disk, "device", "disk"))
                        || !children(disk, "readonly").isEmpty()
                        || !children(disk, "shareable").isEmpty()) {
                    continue;
                }
                children(disk, "source").stream().findFirst()
                        .flatMap(source -> sourceOf(attribute(disk, "type", "file"), source))
                        .ifPresent(sources::add);
            }
        }
        return sources;
    }

    private static Optional<Source> sourceOf(String type, Element source) {
        return switch (type) {
            case "file" -> nonEmpty(source.getAttribute("file")).map(Source::ofPath);
            case "block" -> nonEmpty(source.getAttribute("dev")).map(Source::ofPath);
            case "volume" -> nonEmpty(source.getAttribute("pool")).flatMap(pool ->
                    nonEmpty(source.getAttribute("volume")).map(volume -> Source.ofVolume(pool, volume)));
            default -> Optional.empty(); // network and directory disks are not pool files
        };
    }

    private static String attribute(Element element, String name, String fallback) {
        return element.hasAttribute(name) ? element.getAttribute(name) : fallback;
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && name.equals(element.getTagName())) {
                found.add(element);
            }
        }
        return found;
    }
}
