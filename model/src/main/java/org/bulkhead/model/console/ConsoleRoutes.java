package org.bulkhead.model.console;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.bulkhead.model.domain.DomainXmlException;
import org.bulkhead.model.domain.Graphics;
import org.bulkhead.model.hypervisor.DomainState;

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
        if (localHost) {
            return new ConsoleRoute.ThroughLibvirt(index, listener(vnc), tcp);
        }
        if (isSsh(uri)) {
            return new ConsoleRoute.Unavailable("The console of a VM on another host over SSH is not built yet.",
                    "Use virt-viewer --connect " + uri + " " + name + " meanwhile.", false);
        }
        return new ConsoleRoute.Unavailable("'" + name + "' runs on another host, whose console Bulkhead cannot reach from here.",
                "Connect over qemu+ssh:// to that host once Bulkhead's SSH console exists, or use virt-viewer.", false);
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

    static boolean isSsh(String uri) {
        try {
            String scheme = URI.create(uri).getScheme();
            return scheme != null && scheme.toLowerCase(Locale.ROOT).endsWith("+ssh")
                    || scheme != null && scheme.toLowerCase(Locale.ROOT).endsWith("+libssh")
                    || scheme != null && scheme.toLowerCase(Locale.ROOT).endsWith("+libssh2");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
