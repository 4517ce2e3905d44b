package org.bulkhead.ui.denials;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.bulkhead.model.audit.DenialTrail;
import org.bulkhead.model.audit.DenialTrails;
import org.bulkhead.ui.common.BackgroundTask;
import org.bulkhead.ui.common.TaskExecutor;
import org.bulkhead.ui.common.TaskStatus;

/**
 * One VM's Denials tab: its trail read from the host's audit log in the background, or a plain
 * statement that the log could not be read (which never shows as "no denials").
 */
public final class DenialsViewModel {

    /** A row of the tab: when, what was tried, on what (and whose), refused or only logged, and why in words. */
    public record DenialRow(String time, String action, String target, String outcome, boolean enforced,
            String explanation) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String vmName;
    private final Supplier<Callable<DenialTrails>> read;
    private final TaskExecutor tasks;
    private final ZoneId zone;
    private final ObservableList<DenialRow> rows = FXCollections.observableArrayList();
    private final ObservableList<DenialRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper unreadable = new ReadOnlyBooleanWrapper(this, "unreadable");
    private final TaskStatus reading = new TaskStatus();

    /**
     * @param read called on the UI thread at each {@link #load} to take what it needs there (the
     *             host, its VMs); the work it returns reads the log on {@code tasks}' background
     */
    public DenialsViewModel(String vmName, Supplier<Callable<DenialTrails>> read, TaskExecutor tasks, ZoneId zone) {
        this.vmName = vmName;
        this.read = read;
        this.tasks = tasks;
        this.zone = zone;
    }

    /** Reads the log again; what is shown stays until the answer comes. */
    public void load() {
        if (reading.isRunning()) {
            return;
        }
        status.set("Reading the audit log…");
        tasks.run(BackgroundTask.of(read.get()).trackedBy(reading).onSuccess(this::show).onFailure(failure ->
                showUnreadable(failure.getMessage() == null ? failure.toString() : failure.getMessage())));
    }

    private void show(DenialTrails trails) {
        if (trails.unreadable().isPresent() || trails.of(vmName).isEmpty()) {
            showUnreadable(trails.unreadable().orElse(vmName + " is not on this connection any more"));
            return;
        }
        DenialTrail trail = trails.of(vmName).orElseThrow();
        unreadable.set(false);
        rows.setAll(trail.entries().stream().map(entry -> row(entry, trails)).toList());
        status.set(trail.entries().isEmpty() ? "No denials for " + vmName + " in the audit log."
                : trail.entries().size() + (trail.entries().size() == 1 ? " denial: " : " denials: ")
                        + trail.refused() + " refused, " + trail.loggedOnly() + " logged, not enforced.");
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

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.runningProperty();
    }
}
