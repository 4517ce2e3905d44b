package org.bulkhead.model.hypervisor;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** Whether the daemon is reached through the system's {@code ssh} (libvirt's ssh transports). */
    public boolean isSsh() {
        return transport.equals("ssh") || transport.equals("libssh") || transport.equals("libssh2");
    }

    /**
     * The system's {@code ssh} command line to this URI's host, built the way libvirt builds its
     * own (user, port, {@code keyfile}, {@code no_verify}), so what reaches libvirtd reaches the
     * host's files and the consoles too. Non-interactive: a host that wants a password or an
     * unknown host key fails rather than waits. The destination comes last, after {@code --},
     * so no part of the URI can be read as an option; append a remote command after it.
     */
    public Optional<List<String>> sshCommandLine() {
        if (!isSsh() || host.isEmpty()) {
            return Optional.empty();
        }
        URI uri = URI.create(text);
        Map<String, String> query = query(uri.getRawQuery());
        List<String> words = new ArrayList<>(List.of("ssh", "-T", "-e", "none", "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=10"));
        if (uri.getPort() > 0) {
            words.addAll(List.of("-p", Integer.toString(uri.getPort())));
        }
        if (uri.getUserInfo() != null) {
            words.addAll(List.of("-l", uri.getUserInfo()));
        }
        if (query.containsKey("keyfile")) {
            words.addAll(List.of("-i", query.get("keyfile")));
        }
        if ("1".equals(query.get("no_verify"))) {
            // libvirt's own meaning of no_verify: do not check the host key.
            words.addAll(List.of("-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                    "-o", "LogLevel=ERROR"));
        }
        words.add("--");
        words.add(host.get());
        return Optional.of(List.copyOf(words));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return text;
    }
}
