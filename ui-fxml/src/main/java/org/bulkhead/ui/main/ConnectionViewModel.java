package org.bulkhead.ui.main;

import java.util.Optional;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.bulkhead.model.host.SecModel;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.host.HostEnforcement;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.store.ConnectionStatus;

/**
 * One connection's header: which host, which hypervisor, which security models, and what the
 * host enforces, or that this cannot be seen from here. Host facts are kept from the last
 * successful connect while the connection is lost, since they are still the best knowledge.
 */
public final class ConnectionViewModel {

    private final String uri;
    private final ReadOnlyObjectWrapper<ConnectionStatus> status =
            new ReadOnlyObjectWrapper<>(this, "status", ConnectionStatus.CONNECTING);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "connecting…");
    private final ReadOnlyStringWrapper hostText = new ReadOnlyStringWrapper(this, "hostText", "");
    private final ReadOnlyStringWrapper securityText = new ReadOnlyStringWrapper(this, "securityText", "");
    private final ReadOnlyObjectWrapper<HostEnforcement> enforcement = new ReadOnlyObjectWrapper<>(this, "enforcement");
    private final ReadOnlyStringWrapper enforcementText = new ReadOnlyStringWrapper(this, "enforcementText", "");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private boolean everOpen;

    /** The host the header last showed; touched on the FX thread only. */
    private HostContext described;

    public ConnectionViewModel(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    void update(ConnectionStatus next, Optional<HostContext> host, String lastError) {
        everOpen |= next == ConnectionStatus.OPEN;
        status.set(next);
        statusText.set(switch (next) {
            case CONNECTING -> "connecting…";
            case OPEN -> "connected";
            // Never connected is not "lost": the URI, the network or the daemon may be wrong from the start.
            case LOST -> everOpen ? "connection lost, reconnecting automatically" : "cannot connect, retrying automatically";
            case CLOSED -> "closed";
        });
        host.ifPresent(this::describe);
        error.set(next == ConnectionStatus.OPEN ? "" : lastError);
    }

    /** A reconnect attempt failed; the message replaces the previous one. */
    void reportError(String message) {
        error.set(message);
    }

    /** Takes a re-checked host (setenforce, a permissive module) when the session has a newer one. */
    void followHost(Optional<HostContext> host) {
        host.filter(h -> h != described).ifPresent(this::describe);
    }

    private void describe(HostContext host) {
        described = host;
        HostInfo info = host.info();
        hostText.set(info.hostname() + " · " + info.hypervisorType() + " " + info.hypervisorVersion()
                + " · libvirt " + info.libvirtVersion() + (info.local() ? "" : " · remote"));
        securityText.set(host.capabilities().secModels().isEmpty() ? "no security model"
                : host.capabilities().secModels().stream().map(ConnectionViewModel::describe)
                        .collect(Collectors.joining(" + ")));
        // Text first: views redraw the marker when the enforcement changes and read the text then.
        enforcementText.set(enforcementText(host));
        enforcement.set(host.enforcement());
        notes.set(String.join("\n", host.notes()));
    }

    private static String describe(SecModel model) {
        return model.doi().isEmpty() ? model.model() : model.model() + " (DOI " + model.doi() + ")";
    }

    /** "SELinux enforcing", "AppArmor complain mode…", or the enforcement's own words. */
    static String enforcementText(HostContext host) {
        HostEnforcement value = host.enforcement();
        String model = switch (host.primaryModel()) {
            case "selinux" -> "SELinux ";
            case "apparmor" -> "AppArmor ";
            default -> "";
        };
        return switch (value) {
            case ENFORCING, PERMISSIVE, COMPLAIN, DISABLED -> model + value.label();
            default -> value.label();
        };
    }

    public ReadOnlyObjectProperty<ConnectionStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ConnectionStatus status() {
        return status.get();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** Host name, hypervisor and libvirt version; empty until the first connect. */
    public ReadOnlyStringProperty hostTextProperty() {
        return hostText.getReadOnlyProperty();
    }

    /** The connection's security models with their DOI, primary first. */
    public ReadOnlyStringProperty securityTextProperty() {
        return securityText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HostEnforcement> enforcementProperty() {
        return enforcement.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty enforcementTextProperty() {
        return enforcementText.getReadOnlyProperty();
    }

    /** What cannot be seen from here (remote hosts) and what is simulated, one note a line. */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** Added in this run and not saved for the next one yet: it is saved once it connects, or on request. */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    public boolean isUnsaved() {
        return unsaved.get();
    }

    void setUnsaved(boolean value) {
        unsaved.set(value);
    }

    /** The banner's line while the connection is down: which one, not why (this header says why). */
    String downLine() {
        // Never connected is not "lost": the URI, the network or the daemon may be wrong from the start.
        return (everOpen ? "Lost the connection to " : "Cannot connect to ") + uri;
    }

    /** Why the connection is not open; empty while it is. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
