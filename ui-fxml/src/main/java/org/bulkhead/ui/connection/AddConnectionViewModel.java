package org.bulkhead.ui.connection;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.bulkhead.model.hypervisor.ConnectionUri;

/**
 * The "Add connection" dialog: checks the URI as it is typed, says what is wrong or what to
 * expect from that kind of connection, and refuses a connection that is already open.
 */
public final class AddConnectionViewModel {

    /** Offered in the URI box's list; the user can type anything else. */
    public static final List<String> SUGGESTIONS = List.of("qemu:///system", "qemu:///session",
            "qemu+ssh://user@host/system", "qemu+tcp://host:16509/system", "test:///default");

    private final Set<String> open;
    private final StringProperty uri = new SimpleStringProperty(this, "uri", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

    /** @param open the URIs of the connections already in the window */
    public AddConnectionViewModel(Set<String> open) {
        this.open = Set.copyOf(open);
        uri.addListener((obs, old, now) -> check(now));
        check("");
    }

    /** What the user typed. */
    public StringProperty uriProperty() {
        return uri;
    }

    /** Why the URI cannot be added; empty when it can, or while the box is empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What this kind of connection will and will not show. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The URI to connect to, when it is valid. */
    public Optional<String> result() {
        return valid.get() ? Optional.of(uri.get().strip()) : Optional.empty();
    }

    private void check(String text) {
        hint.set("");
        if (text == null || text.isBlank()) {
            problem.set("");
            valid.set(false);
            return;
        }
        try {
            ConnectionUri parsed = ConnectionUri.parse(text);
            if (open.contains(parsed.text())) {
                problem.set(parsed.text() + " is already open in this window.");
                valid.set(false);
                return;
            }
            problem.set("");
            valid.set(true);
            if (parsed.isTestDriver()) {
                hint.set("The test driver runs inside Bulkhead: labels are shown, nothing is enforced.");
            } else if (parsed.isRemote()) {
                hint.set("Remote host: libvirt reports its labels and enforcing state, but its files and QEMU "
                        + "processes cannot be inspected from here.");
            }
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            valid.set(false);
        }
    }
}
