package org.bulkhead.model.console;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.DomainXmlException;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.domain.Graphics;
import org.bulkhead.model.hypervisor.ConnectionUri;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.label.Level;
import org.bulkhead.model.label.SecurityContext;

/**
 * Chooses how to reach a domain's console from its state and XML and from where its host is.
 * One place for the rule, so the details window says exactly what the console will do.
 */
public final class ConsoleRoutes {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "0:0:0:0:0:0:0:1");

    private ConsoleRoutes() {
    }

    /**
     * @param name      the domain's name, for messages
     * @param xml       its (live, when running) XML
     * @param localHost whether the hypervisor runs on this machine (the connection's host info)
     * @param uri       the connection's URI
     */
    public static ConsoleRoute choose(String name, DomainState state, String xml, boolean localHost, String uri) {
        if (!state.isActive()) {
            return new ConsoleRoute.Unavailable("'" + name + "' is " + state.label() + ": there is no screen to show.",
                    "Start it and the console connects by itself.", true);
        }
        List<Graphics> all;
        try {
            all = Graphics.of(xml);
        } catch (DomainXmlException e) {
            return new ConsoleRoute.Unavailable("The XML of '" + name + "' could not be read: " + e.getMessage(),
                    "Check it with virsh dumpxml " + name + ".", false);
        }
        if (all.isEmpty()) {
            return new ConsoleRoute.Unavailable("'" + name + "' has no graphical display.",
                    "Give it one (virsh edit " + name + ": <graphics type='vnc'><listen type='socket'/></graphics> "
                            + "and <video><model type='vga'/></video> under <devices>), then restart it.", false);
        }
        int index = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).isVnc()) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            return new ConsoleRoute.Unavailable("'" + name + "' shows its screen only over " + all.get(0).type().toUpperCase(Locale.ROOT)
                    + ", and Bulkhead's console speaks VNC.",
                    "Add a VNC display (<graphics type='vnc'><listen type='socket'/></graphics>), or use virt-viewer.", false);
        }
        Graphics vnc = all.get(index);
        Optional<ConsoleRoute.LoopbackTcp> tcp = loopbackTcp(index, vnc);
        Optional<ConnectionUri> parsed = parse(uri);
        Optional<List<String>> ssh = parsed.flatMap(ConnectionUri::sshCommandLine);
        // Checked before "local": a daemon reached over ssh cannot pass a descriptor back, even
        // when the ssh goes to this very machine.
        if (ssh.isPresent()) {
            String host = parsed.get().host().orElseThrow();
            if (vnc.listen() == Graphics.Listen.SOCKET && vnc.socket().isPresent()) {
                return new ConsoleRoute.OverSsh(index, ssh.get(), host, vnc.socket().get(), true, selinuxLevel(xml));
            }
            if (tcp.isPresent()) {
                return new ConsoleRoute.OverSsh(index, ssh.get(), host,
                        tcp.get().address() + ":" + tcp.get().port(), false, Optional.empty());
            }
            return new ConsoleRoute.Unavailable("'" + name + "' listens on " + listener(vnc) + " on " + host
                    + ", which Bulkhead does not reach through SSH: only a UNIX socket or a loopback listener is used.",
                    "Give it <graphics type='vnc'><listen type='socket'/></graphics> (virsh edit " + name
                            + "), then restart it.", false);
        }
        if (localHost) {
            return new ConsoleRoute.ThroughLibvirt(index, listener(vnc), tcp);
        }
        return new ConsoleRoute.Unavailable("'" + name + "' runs on another host, whose console Bulkhead reaches only "
                + "through SSH.", "Connect to that host over qemu+ssh:// (the same URI with +ssh), or use virt-viewer.", false);
    }

    /** The level of the VM's live SELinux label ({@code s0:c1,c2}), if it runs under one. */
    static Optional<String> selinuxLevel(String xml) {
        try {
            return DomainXml.parse(xml).seclabel("selinux")
                    .flatMap(SecLabel::label)
                    .flatMap(label -> SecurityContext.parse(label).level())
                    .map(Level::toString);
        } catch (IllegalArgumentException e) {
            // DomainXmlException too: a label that cannot be read gives the relay no level.
            return Optional.empty();
        }
    }

    private static Optional<ConnectionUri> parse(String uri) {
        try {
            return Optional.of(ConnectionUri.parse(uri));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * How the console of this domain is reached whenever it runs, for the details window. Without
     * the connection's host facts, a URI naming no host is taken as this machine.
     */
    public static String describe(String name, String xml, String uri) {
        boolean local;
        try {
            String host = URI.create(uri).getHost();
            local = host == null || host.isEmpty();
        } catch (IllegalArgumentException e) {
            local = false;
        }
        return choose(name, DomainState.RUNNING, xml, local, uri).describe();
    }

    private static Optional<ConsoleRoute.LoopbackTcp> loopbackTcp(int index, Graphics vnc) {
        if (vnc.listen() != Graphics.Listen.ADDRESS || vnc.port().isEmpty()) {
            return Optional.empty();
        }
        String address = vnc.address().orElse("127.0.0.1");
        // Bulkhead never connects to a VNC server that listens beyond this machine: such a
        // server is reachable by others too, and the user should fix that rather than use it.
        if (!LOOPBACK.contains(address)) {
            return Optional.empty();
        }
        return Optional.of(new ConsoleRoute.LoopbackTcp(index, address.equals("localhost") ? "127.0.0.1" : address,
                vnc.port().getAsInt()));
    }

    private static String listener(Graphics vnc) {
        return switch (vnc.listen()) {
            case SOCKET -> "a UNIX socket" + vnc.socket().map(path -> " (" + path + ")").orElse("");
            case NONE -> "nothing";
            case NETWORK -> "a libvirt network's address";
            case ADDRESS -> "TCP " + vnc.address().orElse("(all addresses)")
                    + vnc.port().stream().mapToObj(port -> ":" + port).findFirst().orElse("");
        };
    }
}
