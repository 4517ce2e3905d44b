package org.bulkhead.ui.denials;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.bulkhead.model.audit.DenialTrail;
import org.bulkhead.model.audit.DenialTrails;

/**
 * One VM's Denials tab: its trail as the connection follows the host's audit log (new denials
 * appear as they are logged), or a plain statement that the log could not be read (which never
 * shows as "no denials").
 */
public final class DenialsViewModel {

    /** A row of the tab: when, what was tried, on what (and whose), refused or only logged, and why in words. */
    public record DenialRow(String time, String action, String target, String outcome, boolean enforced,
            String explanation) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String vmName;
    private final ZoneId zone;
    private final ObservableList<DenialRow> rows = FXCollections.observableArrayList();
    private final ObservableList<DenialRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper unreadable = new ReadOnlyBooleanWrapper(this, "unreadable");
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
    // Held here, weakly registered: the row outlives the details window, so the tab must not be kept alive by it.
    private final ChangeListener<DenialTrails> follow = (obs, old, now) -> show(now);

    /**
     * @param trails every VM's trail on the connection, as last read (null until the first
     *               reading); must change on the UI thread
     */
    public DenialsViewModel(String vmName, ObservableValue<DenialTrails> trails, ZoneId zone) {
        this.vmName = vmName;
        this.zone = zone;
        trails.addListener(new WeakChangeListener<>(follow));
        show(trails.getValue());
    }

    private void show(DenialTrails trails) {
        if (trails == null) {
            reading.set(true);
            status.set("Reading the audit log\u2026");
            return;
        }
        reading.set(false);
        if (trails.unreadable().isPresent() || trails.of(vmName).isEmpty()) {
            showUnreadable(trails.unreadable().orElse(vmName + " is not on this connection any more"));
            return;
        }
        DenialTrail trail = trails.of(vmName).orElseThrow();
        unreadable.set(false);
        rows.setAll(trail.entries().stream().map(entry -> row(entry, trails)).toList());
        String count = trail.entries().isEmpty() ? "No denials for " + vmName + " in the audit log."
                : trail.entries().size() + (trail.entries().size() == 1 ? " denial: " : " denials: ")
                        + trail.refused() + " refused, " + trail.loggedOnly() + " logged, not enforced.";
        // A large log is read from its end: say that older denials may be missing, never "none".
        status.set(trails.olderNotRead().map(note -> count + " \u26a0 " + capitalized(note) + ".").orElse(count));
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void showUnreadable(String reason) {
        unreadable.set(true);
        rows.clear();
        status.set("\u26a0 The audit log could not be read, so denials are not checked (not \"none\"): " + reason);
    }

    private DenialRow row(DenialTrail.Entry entry, DenialTrails trails) {
        var denial = entry.denial();
        String object = denial.object().orElse("a " + denial.objectClass());
        String target = trails.whose(denial).map(whose -> object + " (" + whose + ")").orElse(object);
        return new DenialRow(TIME.format(denial.time().atZone(zone)),
                String.join(" ", denial.permissions().stream().sorted().toList()), target,
                (denial.enforced() ? "\u2716 " : "\u25b2 ") + denial.outcome(), denial.enforced(), entry.explanation());
    }

    public ObservableList<DenialRow> rows() {
        return readOnlyRows;
    }

    /** What the tab says above the table: reading, a count, or why the log could not be read. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty unreadableProperty() {
        return unreadable.getReadOnlyProperty();
    }

    /** True until the connection has read the audit log once. */
    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }
}
