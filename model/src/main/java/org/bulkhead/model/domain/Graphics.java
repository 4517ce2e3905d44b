package org.bulkhead.model.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * One {@code <graphics>} device of a domain, as far as a console needs it: the protocol, where
 * it listens and whether it asks for a password. Read from live XML, {@code port} is the port
 * QEMU actually took (autoport); an inactive definition says -1 there, read as absent.
 *
 * @param type     vnc, spice, sdl, egl-headless...
 * @param listen   where the server listens
 * @param address  the listen address (ADDRESS only)
 * @param port     the TCP port (ADDRESS only, when known)
 * @param socket   the UNIX socket path (SOCKET only, when known)
 * @param password whether the XML carries a {@code passwd} attribute (libvirt shows its value
 *                 only in secure XML)
 */
public record Graphics(String type, Listen listen, Optional<String> address, OptionalInt port,
        Optional<String> socket, boolean password) {

    /** How a graphics server can be reached. */
    public enum Listen {
        /** A TCP address and port on the host. */
        ADDRESS,
        /** A UNIX socket on the host: no port at all. */
        SOCKET,
        /** No listener: only libvirt's graphics file descriptor reaches it. */
        NONE,
        /** The address of a libvirt network, resolved at start. */
        NETWORK
    }

    public Graphics {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(socket, "socket");
    }

    public boolean isVnc() {
        return "vnc".equals(type);
    }

    /** Every {@code <graphics>} under {@code <devices>}, in document order. */
    public static List<Graphics> of(String domainXml) {
        Element domain = DomXml.parse(domainXml).getDocumentElement();
        List<Graphics> list = new ArrayList<>();
        for (Element devices : children(domain, "devices")) {
            for (Element graphics : children(devices, "graphics")) {
                list.add(read(graphics));
            }
        }
        return List.copyOf(list);
    }

    private static Graphics read(Element graphics) {
        String type = graphics.getAttribute("type");
        boolean password = graphics.hasAttribute("passwd");
        List<Element> listens = children(graphics, "listen");
        Element listen = listens.isEmpty() ? null : listens.get(0);
        String kind = listen == null ? (graphics.hasAttribute("socket") ? "socket" : "address")
                : listen.getAttribute("type");
        OptionalInt port = port(graphics.getAttribute("port"));
        return switch (kind) {
            case "socket" -> new Graphics(type, Listen.SOCKET, Optional.empty(), OptionalInt.empty(),
                    text(listen == null ? graphics.getAttribute("socket") : listen.getAttribute("socket")),
                    password);
            case "none" -> new Graphics(type, Listen.NONE, Optional.empty(), OptionalInt.empty(), Optional.empty(),
                    password);
            case "network" -> new Graphics(type, Listen.NETWORK,
                    text(listen.getAttribute("address")), port, Optional.empty(), password);
            default -> new Graphics(type, Listen.ADDRESS,
                    text(listen != null && listen.hasAttribute("address") ? listen.getAttribute("address")
                            : graphics.getAttribute("listen")),
                    port, Optional.empty(), password);
        };
    }

    private static OptionalInt port(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            return value > 0 && value < 65536 ? OptionalInt.of(value) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && name.equals(element.getLocalName() == null
                    ? element.getTagName() : element.getLocalName())) {
                list.add(element);
            }
        }
        return list;
    }
}
