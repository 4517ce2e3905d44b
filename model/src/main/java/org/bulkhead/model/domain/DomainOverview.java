package org.bulkhead.model.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a person wants to know about a domain at a glance, read from its XML: memory, vCPUs, the
 * guest's system (libosinfo's id in the metadata, as libvirt's tools write it) and its network cards.
 */
public record DomainOverview(OptionalLong memoryKiB, OptionalInt vcpus, Optional<String> osId, List<Nic> nics) {

    public DomainOverview {
        nics = List.copyOf(nics);
    }

    /** One network card: how it is attached ("network 'default'", "bridge br0") and its model. */
    public record Nic(String attachment, Optional<String> model, Optional<String> mac) {
    }

    public static DomainOverview of(String domainXml) {
        Element domain = DomXml.parse(domainXml).getDocumentElement();
        OptionalLong memory = first(domain, "memory").map(m -> kib(m.getTextContent(), m.getAttribute("unit")))
                .orElse(OptionalLong.empty());
        OptionalInt vcpus = first(domain, "vcpu").map(v -> count(v.getTextContent())).orElse(OptionalInt.empty());
        Optional<String> os = Optional.empty();
        for (Element metadata : children(domain, "metadata")) {
            for (Element libosinfo : children(metadata, null)) {
                if (local(libosinfo).equals("libosinfo")) {
                    os = children(libosinfo, null).stream().filter(e -> local(e).equals("os"))
                            .map(e -> e.getAttribute("id")).filter(id -> !id.isBlank()).findFirst();
                }
            }
        }
        List<Nic> nics = new ArrayList<>();
        for (Element devices : children(domain, "devices")) {
            for (Element nic : children(devices, "interface")) {
                String type = nic.getAttribute("type");
                Optional<Element> source = first(nic, "source");
                String where = source.map(s -> s.hasAttribute("network") ? "network '" + s.getAttribute("network") + "'"
                        : s.hasAttribute("bridge") ? "bridge " + s.getAttribute("bridge")
                        : s.hasAttribute("dev") ? type + " on " + s.getAttribute("dev") : type).orElse(type);
                nics.add(new Nic(where, first(nic, "model").map(m -> m.getAttribute("type")).filter(t -> !t.isBlank()),
                        first(nic, "mac").map(m -> m.getAttribute("address")).filter(a -> !a.isBlank())));
            }
        }
        return new DomainOverview(memory, vcpus, os, nics);
    }

    private static OptionalLong kib(String text, String unit) {
        try {
            long value = Long.parseLong(text.strip());
            long factor = switch (unit == null || unit.isBlank() ? "KiB" : unit) {
                case "b", "bytes" -> 0;
                case "KB" -> 1;
                case "k", "KiB" -> 1;
                case "MB", "M", "MiB" -> 1024;
                case "GB", "G", "GiB" -> 1024 * 1024;
                case "T", "TiB", "TB" -> 1024L * 1024 * 1024;
                default -> -1;
            };
            return factor < 0 ? OptionalLong.empty()
                    : OptionalLong.of(factor == 0 ? value / 1024 : value * factor);
        } catch (NumberFormatException | ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalInt count(String text) {
        try {
            return OptionalInt.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static String local(Element element) {
        String name = element.getLocalName() != null ? element.getLocalName() : element.getNodeName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    private static Optional<Element> first(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Direct child elements named {@code name}, or all of them for null. */
    private static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || name.equals(e.getNodeName()))) {
                list.add(e);
            }
        }
        return list;
    }
}
