package org.bulkhead.libvirt;

import org.bulkhead.model.hypervisor.HypervisorException;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;

/**
 * Turns libvirt errors into {@link HypervisorException}s a user can act on: what failed (the
 * operation and the domain, volume or URI), why (libvirt's own message) and what to try.
 */
final class Failures {

    private static final String URI_EXAMPLES =
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

    static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "libvirt gave no reason" : message.strip();
    }

    /** {@code action} reads as the rest of "Could not ...", for example "start domain 'web'". */
    static HypervisorException operation(String action, Exception e, boolean connectionLost) {
        String hint = connectionLost
                ? "The connection to the hypervisor was lost; reconnect and try again"
                : operationHint(code(e));
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
        if (!uri.hasKnownDriver()) {
            return "Check the URI; it should look like " + URI_EXAMPLES;
        }
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
