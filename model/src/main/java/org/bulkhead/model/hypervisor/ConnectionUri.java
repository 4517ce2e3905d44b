package org.bulkhead.model.hypervisor;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A libvirt connection URI, {@code driver[+transport]://[user@][host][:port]/path}, parsed once
 * wherever one enters Bulkhead (the Add connection dialog, {@code --connect}, the adapter) and
 * passed on typed. Whether the host answers is the connection's business; parsing only rejects
 * what libvirt could never open, with a sentence saying which part is wrong.
 */
public record ConnectionUri(String text, String driver, String transport, Optional<String> host, String path) {

    private static final Set<String> DRIVERS = new TreeSet<>(Set.of("qemu", "test", "lxc", "xen", "libxl", "vbox",
            "vmwareplayer", "vmwarews", "vmwarefusion", "esx", "gsx", "vpx", "bhyve", "openvz", "vz", "hyperv",
            "ch", "remote"));
    private static final Set<String> TRANSPORTS = new TreeSet<>(Set.of("ssh", "libssh", "libssh2", "tcp", "tls",
            "unix", "ext"));
    private static final Set<String> LOCAL_TRANSPORTS = Set.of("unix", "ext");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
    private static final String EXAMPLES = "for example qemu:///system, qemu+ssh://user@host/system "
            + "or qemu+tcp://host:16509/system";

    public ConnectionUri {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
    }

    /**
     * Checks a URI typed by the user; surrounding blanks are dropped.
     *
     * @throws IllegalArgumentException saying which part is wrong and what would be right
     */
    public static ConnectionUri parse(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Enter a libvirt URI, " + EXAMPLES + ".");
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("A URI cannot contain spaces: \"" + text + "\".");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a URI (" + e.getReason() + " at character "
                    + (e.getIndex() + 1) + "); " + EXAMPLES + ".");
        }
        if (uri.getScheme() == null || !text.contains("://")) {
            throw new IllegalArgumentException("\"" + text + "\" names no driver; a libvirt URI starts with one, "
                    + EXAMPLES + ".");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int plus = scheme.indexOf('+');
        String driver = plus < 0 ? scheme : scheme.substring(0, plus);
        String transport = plus < 0 ? "" : scheme.substring(plus + 1);
        if (!DRIVERS.contains(driver)) {
            throw new IllegalArgumentException("Unknown hypervisor driver \"" + driver + "\"; libvirt knows "
                    + String.join(", ", DRIVERS) + ".");
        }
        if (!transport.isEmpty() && !TRANSPORTS.contains(transport)) {
            throw new IllegalArgumentException("Unknown transport \"" + transport + "\" in \"" + scheme
                    + "\"; libvirt knows " + String.join(", ", TRANSPORTS) + ".");
        }
        Optional<String> host = Optional.ofNullable(uri.getHost()).filter(h -> !h.isEmpty());
        if (host.isEmpty() && uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty()) {
            throw new IllegalArgumentException("\"" + uri.getRawAuthority() + "\" is not a valid host in \"" + text + "\".");
        }
        if (!transport.isEmpty() && !LOCAL_TRANSPORTS.contains(transport) && host.isEmpty()) {
            throw new IllegalArgumentException("The " + transport + " transport needs a host, as in " + driver + "+"
                    + transport + "://user@host/" + (driver.equals("qemu") ? "system" : "") + ".");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        checkPath(text, driver, host, path);
        return new ConnectionUri(text, driver, transport, host, path);
    }

    private static void checkPath(String text, String driver, Optional<String> host, String path) {
        switch (driver) {
            case "qemu" -> {
                if (!path.equals("/system") && !path.equals("/session") && !path.equals("/embed")) {
                    throw new IllegalArgumentException("A qemu URI ends in /system (the system daemon) or /session "
                            + "(your own), not \"" + (path.isEmpty() ? "(nothing)" : path) + "\": " + text + ".");
                }
            }
            case "test" -> {
                if (host.isPresent()) {
                    throw new IllegalArgumentException("The test driver runs inside Bulkhead and takes no host: "
                            + "use test:///default or test:///path/to/node.xml.");
                }
                if (!path.equals("/default") && !path.endsWith(".xml")) {
                    throw new IllegalArgumentException("The test driver opens test:///default or an absolute path to "
                            + "a node XML file such as test:///home/me/node.xml, not \"" + path + "\".");
                }
            }
            default -> {
                // Other drivers have their own paths (esx://host/?no_verify=1, lxc:///); libvirt judges them.
            }
        }
    }

    /** Whether libvirt's test driver serves this URI: nothing it shows is enforced. */
    public boolean isTestDriver() {
        return driver.equals("test");
    }

    /** Whether a libvirt test-driver node file (not test:///default) is opened. */
    public boolean isTestNodeFile() {
        return isTestDriver() && !path.equals("/default");
    }

    /**
     * Whether the URI may name this machine: no host, or a loopback one. A loopback port can
     * still be forwarded into another machine (a test lab, say), so only the connected daemon's
     * host name settles it ({@link HostInfo#local()}); a URI that is not local never is.
     */
    public boolean mayBeThisMachine() {
        return host.isEmpty() || LOOPBACK.contains(host.get().toLowerCase(Locale.ROOT));
    }

    /** Whether the hypervisor certainly runs on another machine, whose files and processes are out of sight. */
    public boolean isRemote() {
        return !mayBeThisMachine();
    }

    @Override
    public String toString() {
        return text;
    }
}
