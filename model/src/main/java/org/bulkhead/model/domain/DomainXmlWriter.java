package org.bulkhead.model.domain;

import static org.bulkhead.model.domain.DomXml.attribute;
import static org.bulkhead.model.domain.DomXml.child;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds a new domain's XML through the DOM, so names and paths are escaped by the serializer,
 * never pasted into markup.
 */
final class DomainXmlWriter {

    /** libosinfo's namespace in libvirt domain metadata. */
    static final String LIBOSINFO = "http://libosinfo.org/xmlns/libvirt/domain/1.0";

    private DomainXmlWriter() {
    }

    static String write(NewDomain spec) {
        DomainNames.validate(spec.name()).ifPresent(problem -> {
            throw new DomainXmlException(problem);
        });
        SecLabelElements.check(spec.seclabels());

        Document document = DomXml.newDocument();
        Element domain = document.createElement("domain");
        document.appendChild(domain);
        attribute(domain, "type", spec.virtType());
        child(domain, "name", spec.name());
        child(domain, "uuid", spec.uuid());
        spec.osId().ifPresent(id -> {
            // As virt-install and virt-manager write it, so every libvirt tool knows the guest's system.
            Element libosinfo = document.createElementNS(LIBOSINFO, "libosinfo:libosinfo");
            libosinfo.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:libosinfo", LIBOSINFO);
            Element os = document.createElementNS(LIBOSINFO, "libosinfo:os");
            os.setAttribute("id", id);
            libosinfo.appendChild(os);
            child(domain, "metadata").appendChild(libosinfo);
        });
        attribute(child(domain, "memory", Long.toString(spec.memoryMiB())), "unit", "MiB");
        child(domain, "vcpu", Integer.toString(spec.vcpus()));
        writeOs(domain, spec);
        Element features = child(domain, "features");
        child(features, "acpi");
        child(features, "apic");
        writeDevices(child(domain, "devices"), spec);
        for (SecLabel seclabel : spec.seclabels()) {
            domain.appendChild(SecLabelElements.create(document, seclabel, null, null));
        }
        return DomXml.serialize(document, true, false);
    }

    private static void writeOs(Element domain, NewDomain spec) {
        Element os = child(domain, "os");
        Element type = child(os, "type", "hvm");
        attribute(type, "arch", spec.arch());
        spec.machine().ifPresent(machine -> attribute(type, "machine", machine));
        attribute(child(os, "boot"), "dev", "hd");
        if (spec.disks().stream().anyMatch(d -> "cdrom".equals(d.device()))) {
            attribute(child(os, "boot"), "dev", "cdrom");
        }
        // Last in the order, so a VM without an installed system can boot from the network (PXE).
        if (spec.network().isPresent()) {
            attribute(child(os, "boot"), "dev", "network");
        }
    }

    private static void writeDevices(Element devices, NewDomain spec) {
        for (NewDisk disk : spec.disks()) {
            Element element = child(devices, "disk");
            attribute(element, "type", "file");
            attribute(element, "device", disk.device());
            Element driver = child(element, "driver");
            attribute(driver, "name", "qemu");
            attribute(driver, "type", disk.format());
            Element source = child(element, "source");
            attribute(source, "file", disk.path());
            for (String model : disk.leftAloneBy()) {
                Element seclabel = child(source, "seclabel");
                attribute(seclabel, "model", model);
                attribute(seclabel, "relabel", "no");
            }
            Element target = child(element, "target");
            attribute(target, "dev", disk.target());
            attribute(target, "bus", disk.bus());
            if (disk.readonly()) {
                child(element, "readonly");
            }
            if (disk.shareable()) {
                child(element, "shareable");
            }
        }
        spec.network().ifPresent(network -> {
            Element nic = child(devices, "interface");
            attribute(nic, "type", "network");
            attribute(child(nic, "source"), "network", network);
            attribute(child(nic, "model"), "type", spec.nicModel());
        });
        Element serial = child(devices, "serial");
        attribute(serial, "type", "pty");
        attribute(child(serial, "target"), "port", "0");
        Element console = child(devices, "console");
        attribute(console, "type", "pty");
        Element consoleTarget = child(console, "target");
        attribute(consoleTarget, "type", "serial");
        attribute(consoleTarget, "port", "0");
        // VNC on a UNIX socket in the VM's private directory, not a TCP port: nothing on the network
        // (or another local user) can reach the screen; Bulkhead's console gets a descriptor from
        // libvirt instead (virDomainOpenGraphicsFD), as virt-manager does.
        Element graphics = child(devices, "graphics");
        attribute(graphics, "type", "vnc");
        attribute(child(graphics, "listen"), "type", "socket");
        // Standard VGA: every installer and boot loader draws on it, and it follows guest resizes.
        attribute(child(child(devices, "video"), "model"), "type", "vga");
        // An absolute pointer, so the guest's cursor is where the console's pointer is.
        Element tablet = child(devices, "input");
        attribute(tablet, "type", "tablet");
        attribute(tablet, "bus", "usb");
    }
}
