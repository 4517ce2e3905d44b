package org.bulkhead.libvirt;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a libvirt URI ({@code driver[+transport]://[user@][host][:port]/path}) that
 * decide whether the host is this machine and which advice fits a failure.
 */
record ConnectionUri(String text, String driver, String transport, Optional<String> host, String path) {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    /** Drivers that libvirt 9 knows; anything else is most likely a typing mistake. */
    private static final Set<String> KNOWN_DRIVERS = Set.of("test", "qemu", "lxc", "xen", "libxl",
            "vbox", "vmwareplayer", "vmwarews", "vmwarefusion", "esx", "gsx", "vpx", "bhyve",
            "openvz", "vz", "hyperv", "ch", "remote", "interface", "network", "nodedev", "nwfilter",
            "secret", "storage");

    static ConnectionUri parse(String text) {
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0) {
            return new ConnectionUri(text, "", "", Optional.empty(), "");
        }
        String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        int plus = scheme.indexOf('+');
        String driver = plus < 0 ? scheme : scheme.substring(0, plus);
        String transport = plus < 0 ? "" : scheme.substring(plus + 1);
        String rest = text.substring(schemeEnd + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        return new ConnectionUri(text, driver, transport, hostOf(authority), path);
    }

    private static Optional<String> hostOf(String authority) {
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (!host.startsWith("[")) {
            int colon = host.lastIndexOf(':');
            host = colon < 0 ? host : host.substring(0, colon);
        } else if (host.contains("]")) {
            host = host.substring(0, host.indexOf(']') + 1);
        }
        return host.isEmpty() ? Optional.empty() : Optional.of(host);
    }

    /** Whether the URI names this machine: no host, or a loopback one (which may still forward elsewhere). */
    boolean isLocal() {
        return host.isEmpty() || LOOPBACK.contains(host.get().toLowerCase(Locale.ROOT));
    }

    boolean hasKnownDriver() {
        return KNOWN_DRIVERS.contains(driver);
    }

    boolean isTestNodeFile() {
        return driver.equals("test") && !path.equals("/default");
    }
}
