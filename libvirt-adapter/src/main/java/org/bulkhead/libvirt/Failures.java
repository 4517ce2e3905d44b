package org.bulkhead.libvirt;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bulkhead.model.hypervisor.DomainNotFoundException;
import org.bulkhead.model.hypervisor.ConnectionUri;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;

/**
 * Turns libvirt errors into {@link HypervisorException}s a user can act on: what failed (the
 * operation and the domain, volume or URI), why (libvirt's own message) and what to try.
 */
final class Failures {

    /** The most characters of libvirt's text a message carries. */
    static final int MAX_REASON = 400;
    /** Longer runs of XML in a message are dumps of a definition, not the point. */
    private static final int MAX_XML = 120;
    // Three or more tags in a row, and a tag cut off at the end (libvirt truncates long messages).
    // Possessive, so the scan stays linear however many '<' the text holds.
    private static final Pattern XML_RUN = Pattern.compile(
            "<[?!/A-Za-z][^<>]*+>(?:[^<>]*+<[?!/A-Za-z][^<>]*+>){2,}+(?:[^<>]*+<[^<>]*+$)?");
    // QEMU's log lines start with an ISO time, which makes repeated lines differ.
    private static final Pattern LOG_TIMESTAMP =
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?:?\\s*");
    private static final Pattern SPACES = Pattern.compile("[ \\t]+");

    static final String URI_EXAMPLES =
            "qemu:///system, qemu+ssh://user@host/system or test:///default";

    private Failures() {
    }

    static ErrorNumber code(Exception e) {
        ErrorNumber code = null;
        if (e instanceof LibvirtException libvirt && libvirt.getError() != null) {
            code = libvirt.getError().getCode();
        } else if (e instanceof NativeCallException call) {
            code = call.code();
        }
        return code == null ? ErrorNumber.VIR_ERR_UNKNOWN : code;
    }

    /**
     * libvirt's message, condensed for a dialog: QEMU's log lines are passed on whole by libvirt,
     * so the same warning can appear hundreds of times and an XML dump can follow. The exception
     * itself keeps the full text for logs.
     */
    static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "libvirt gave no reason" : condensed(message);
    }

    /** Drops XML dumps, timestamps and repeated lines or phrases, then keeps the start and the end. */
    static String condensed(String raw) {
        Set<String> lines = new LinkedHashSet<>();
        for (String line : withoutXmlDumps(raw).split("\\R")) {
            String text = LOG_TIMESTAMP.matcher(line.strip()).replaceFirst("");
            text = SPACES.matcher(text).replaceAll(" ").strip();
            if (!text.isEmpty()) {
                lines.add(text);
            }
        }
        Set<String> phrases = new LinkedHashSet<>();
        for (String line : lines) {
            for (String phrase : line.split(": ")) {
                if (!phrase.isBlank()) {
                    phrases.add(phrase.strip());
                }
            }
        }
        return shortened(String.join(": ", phrases));
    }

    private static String withoutXmlDumps(String text) {
        Matcher xml = XML_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (xml.find()) {
            String element = xml.group();
            xml.appendReplacement(out, Matcher.quoteReplacement(element.length() <= MAX_XML
                    ? element : "(" + element.length() + " characters of XML left out)"));
        }
        xml.appendTail(out);
        return out.toString();
    }

    // The cause is at the start of libvirt's own messages and at the end of QEMU's: keep both.
    private static String shortened(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_REASON) {
            return text;
        }
        int head = text.offsetByCodePoints(0, MAX_REASON * 2 / 3);
        int tail = text.offsetByCodePoints(text.length(), -(MAX_REASON / 3 - 10));
        return text.substring(0, head).strip() + " [\u2026] " + text.substring(tail).strip();
    }

    /** {@code action} reads as the rest of "Could not ...", for example "start domain 'web'". */
    static HypervisorException operation(String action, Exception e, boolean connectionLost) {
        String hint = connectionLost
                ? "The connection to the hypervisor was lost; reconnect and try again"
                : operationHint(code(e));
        if (!connectionLost && code(e) == ErrorNumber.VIR_ERR_NO_DOMAIN) {
            return new DomainNotFoundException("Could not " + action + ": " + reason(e), hint, e);
        }
        return new HypervisorException("Could not " + action + ": " + reason(e), hint, e);
    }

    static HypervisorException closed(String action, String uri) {
        return new HypervisorException("Could not " + action + ": the connection to " + uri
                + " is closed", "Open the connection again");
    }

    private static String operationHint(ErrorNumber code) {
        return switch (code) {
            case VIR_ERR_NO_DOMAIN -> "It may have been deleted by another tool; refresh the list";
            case VIR_ERR_OPERATION_INVALID -> "Check the domain's current state; refresh the list";
            case VIR_ERR_XML_ERROR, VIR_ERR_XML_DETAIL, VIR_ERR_XML_INVALID_SCHEMA,
                    VIR_ERR_CONFIG_UNSUPPORTED -> "Check the domain definition";
            case VIR_ERR_DOM_EXIST -> "Choose another name";
            case VIR_ERR_NO_STORAGE_POOL, VIR_ERR_INVALID_STORAGE_POOL ->
                    "Check that the storage pool exists and is active";
            case VIR_ERR_STORAGE_VOL_EXIST -> "Choose another name or delete the existing volume";
            case VIR_ERR_NO_STORAGE_VOL -> "Refresh the storage pool; files outside pools must be deleted by hand";
            case VIR_ERR_ACCESS_DENIED, VIR_ERR_AUTH_FAILED, VIR_ERR_OPERATION_DENIED -> permissionHint();
            case VIR_ERR_NO_SUPPORT, VIR_ERR_OPERATION_UNSUPPORTED, VIR_ERR_ARGUMENT_UNSUPPORTED ->
                    "This hypervisor does not support it";
            case VIR_ERR_OPERATION_TIMEOUT, VIR_ERR_AGENT_UNRESPONSIVE -> "The hypervisor is busy; try again";
            default -> "";
        };
    }

    static HypervisorException open(ConnectionUri uri, LibvirtException e) {
        return new HypervisorException("Could not connect to " + uri.text() + ": " + reason(e),
                openHint(uri, e), e);
    }

    static HypervisorException libraryMissing(String uri, LinkageError e) {
        return new HypervisorException("Could not connect to " + uri
                + ": the libvirt client library (libvirt.so.0) could not be loaded",
                "Install it with `apt-get install libvirt0`", e);
    }

    private static String openHint(ConnectionUri uri, LibvirtException e) {
        ErrorNumber code = code(e);
        String message = reason(e);
        if (uri.isTestNodeFile()) {
            return "Check that " + uri.path() + " exists and holds a libvirt test-driver <node>";
        }
        if (code == ErrorNumber.VIR_ERR_AUTH_FAILED || code == ErrorNumber.VIR_ERR_ACCESS_DENIED
                || message.contains("Permission denied")) {
            return permissionHint();
        }
        if (uri.host().isEmpty()) {
            return "Is libvirtd running? Start it with `libvirtd -d` (as root), or check the URI";
        }
        String transport = uri.transport().isEmpty() ? "TLS" : uri.transport();
        return "Check that libvirtd runs on " + uri.host().get() + " and accepts " + transport
                + " connections, and that the URI is right";
    }

    private static String permissionHint() {
        return "Check your permissions on that host: for qemu:///system run as root or join the libvirt group";
    }
}
