package org.bulkhead.model.disposable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The XML of a disposable VM, made from its template's: a new name and UUID, the template's one
 * read-write disk replaced by a qcow2 overlay whose backing file is the template's image (never
 * relabelled by the DAC driver, so no VM's user ever owns it), the disposable's own seclabels,
 * a console on a UNIX socket libvirt names, and fresh MAC addresses.
 */
public final class DisposableXml {

    /** What the template's disk is, for the overlay. */
    public record TemplateDisk(String path, String format) {
        public TemplateDisk {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(format, "format");
        }
    }

    /**
     * @param memoryMiB  the disposable's memory, or empty for the template's
     * @param network    false removes every network interface
     * @param namePrefix the start of its name (a kiosk user's own prefix), or empty for "TEMPLATE-disposable-"
     */
    public record Options(OptionalLong memoryMiB, boolean network, Optional<String> namePrefix) {
        public static final Options AS_TEMPLATE = new Options(OptionalLong.empty(), true, Optional.empty());

        public Options(OptionalLong memoryMiB, boolean network) {
            this(memoryMiB, network, Optional.empty());
        }

        public Options {
            Objects.requireNonNull(memoryMiB, "memoryMiB");
            Objects.requireNonNull(namePrefix, "namePrefix");
            if (memoryMiB.isPresent() && memoryMiB.getAsLong() < 16) {
                throw new IllegalArgumentException("a disposable VM needs at least 16 MiB of memory, not "
                        + memoryMiB.getAsLong());
            }
        }
    }

    private DisposableXml() {
    }

    /**
     * The template's one read-write disk.
     *
     * @throws IllegalArgumentException naming the template and what makes it unusable
     */
    public static TemplateDisk templateDisk(String templateName, String templateXml) {
        List<Element> writable = writableDisks(SafeXml.parse(templateXml, "the XML of '" + templateName + "'"));
        if (writable.size() != 1) {
            throw new IllegalArgumentException("'" + templateName + "' has " + writable.size()
                    + " read-write disks; a template for disposable VMs needs exactly one, an image file"
                    + " (mark the others <readonly/> or remove them).");
        }
        Element disk = writable.get(0);
        if (!"file".equals(disk.getAttribute("type"))) {
            throw new IllegalArgumentException("The read-write disk of '" + templateName + "' is of type '"
                    + disk.getAttribute("type") + "'; disposable VMs need an image file as their template.");
        }
        String path = first(disk, "source").map(s -> s.getAttribute("file")).filter(f -> !f.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("The read-write disk of '" + templateName
                        + "' names no file."));
        String format = first(disk, "driver").map(d -> d.getAttribute("type")).filter(t -> !t.isEmpty()).orElse("raw");
        return new TemplateDisk(path, format);
    }

    /**
     * The disposable's XML.
     *
     * @param seclabels the disposable's own domain-level seclabels (its isolation plan's)
     */
    public static String of(String templateName, String templateXml, String name, String uuid, String overlayPath,
            List<SecLabel> seclabels, Options options) {
        TemplateDisk template = templateDisk(templateName, templateXml);
        Document document = SafeXml.parse(templateXml, "the XML of '" + templateName + "'");
        Element domain = document.getDocumentElement();
        setChildText(domain, "name", name);
        setChildText(domain, "uuid", uuid);
        removeChildren(domain, "title");
        setChildText(domain, "description", "Disposable VM of '" + templateName + "': destroyed with its overlay "
                + overlayPath + " when it stops.");
        options.memoryMiB().ifPresent(mib -> {
            removeChildren(domain, "currentMemory");
            Element memory = setChildText(domain, "memory", Long.toString(mib));
            memory.setAttribute("unit", "MiB");
        });
        Element devices = first(domain, "devices").orElseThrow(() -> new IllegalArgumentException(
                "The XML of '" + templateName + "' has no <devices>."));
        Element disk = writableDisks(document).get(0);
        overlay(disk, overlayPath, template);
        for (Element other : children(devices, "disk")) {
            if (other != disk) {
                leaveAloneByDac(other);
            }
        }
        for (Element nic : children(devices, "interface")) {
            if (options.network()) {
                removeChildren(nic, "mac"); // libvirt gives each disposable its own
            } else {
                devices.removeChild(nic);
            }
        }
        consoleOnPrivateSocket(devices);
        return DomainXml.withSecLabels(SafeXml.serialize(document, false, false), seclabels);
    }

    /** The overlay on top, the template below it, read only and never chowned; the chain ends there. */
    private static void overlay(Element disk, String overlayPath, TemplateDisk template) {
        Document document = disk.getOwnerDocument();
        Element driver = first(disk, "driver").orElseGet(() -> {
            Element created = document.createElement("driver");
            created.setAttribute("name", "qemu");
            disk.insertBefore(created, disk.getFirstChild());
            return created;
        });
        driver.setAttribute("type", "qcow2");
        removeChildren(disk, "source");
        removeChildren(disk, "backingStore");
        Element source = document.createElement("source");
        source.setAttribute("file", overlayPath);
        Element backing = document.createElement("backingStore");
        backing.setAttribute("type", "file");
        Element format = document.createElement("format");
        format.setAttribute("type", template.format());
        backing.appendChild(format);
        Element backingSource = document.createElement("source");
        backingSource.setAttribute("file", template.path());
        backingSource.appendChild(dacLeftAlone(document));
        backing.appendChild(backingSource);
        backing.appendChild(document.createElement("backingStore"));
        Node after = driver.getNextSibling();
        disk.insertBefore(source, after);
        disk.insertBefore(backing, after);
    }

    /** Shared files (an ISO, a read-only disk) stay as they are: the DAC driver would never give them back. */
    private static void leaveAloneByDac(Element disk) {
        Optional<Element> source = first(disk, "source");
        if (source.isEmpty()) {
            return;
        }
        for (Element label : children(source.get(), "seclabel")) {
            if ("dac".equals(label.getAttribute("model"))) {
                return;
            }
        }
        source.get().appendChild(dacLeftAlone(disk.getOwnerDocument()));
    }

    private static Element dacLeftAlone(Document document) {
        Element label = document.createElement("seclabel");
        label.setAttribute("model", "dac");
        label.setAttribute("relabel", "no");
        return label;
    }

    /**
     * Each disposable of one template needs its own VNC socket: libvirt names one in the domain's
     * private directory when none is given. A template with no VNC display gets one.
     */
    private static void consoleOnPrivateSocket(Element devices) {
        boolean vnc = false;
        for (Element graphics : children(devices, "graphics")) {
            if (!"vnc".equals(graphics.getAttribute("type"))) {
                continue;
            }
            vnc = true;
            graphics.removeAttribute("socket");
            graphics.removeAttribute("port");
            graphics.removeAttribute("websocket");
            for (Element listen : children(graphics, "listen")) {
                listen.removeAttribute("socket");
            }
            if (graphics.hasAttribute("autoport") || !children(graphics, "listen").isEmpty()
                    && !"socket".equals(children(graphics, "listen").get(0).getAttribute("type"))) {
                graphics.setAttribute("autoport", "yes");
            }
        }
        if (!vnc) {
            Document document = devices.getOwnerDocument();
            Element graphics = document.createElement("graphics");
            graphics.setAttribute("type", "vnc");
            Element listen = document.createElement("listen");
            listen.setAttribute("type", "socket");
            graphics.appendChild(listen);
            devices.appendChild(graphics);
        }
    }

    private static List<Element> writableDisks(Document document) {
        List<Element> writable = new ArrayList<>();
        Optional<Element> devices = first(document.getDocumentElement(), "devices");
        for (Element disk : devices.map(d -> children(d, "disk")).orElse(List.of())) {
            String device = disk.getAttribute("device");
            boolean isDisk = device.isEmpty() || "disk".equals(device);
            if (isDisk && first(disk, "readonly").isEmpty() && first(disk, "shareable").isEmpty()) {
                writable.add(disk);
            }
        }
        return writable;
    }

    private static Element setChildText(Element parent, String name, String text) {
        Element child = first(parent, name).orElseGet(() -> {
            Element created = parent.getOwnerDocument().createElement(name);
            parent.insertBefore(created, parent.getFirstChild());
            return created;
        });
        child.setTextContent(text);
        return child;
    }

    private static void removeChildren(Element parent, String name) {
        children(parent, name).forEach(parent::removeChild);
    }

    private static Optional<Element> first(Element parent, String name) {
        List<Element> all = children(parent, name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }
}
