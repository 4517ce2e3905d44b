package org.bulkhead.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a view model shows of one kind of background work (reading a log, connecting): whether it
 * runs, how far it got and what it is doing, and a way to cancel it. Only the task executor
 * changes it, on the UI thread, from the {@link BackgroundTask}s {@linkplain
 * BackgroundTask#trackedBy tracked} by it; a view and a view model only read it.
 */
public final class TaskStatus {

    /** Progress while nothing says how far the work got. */
    public static final double INDETERMINATE = -1;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private BackgroundTask<?> current;

    void begin(BackgroundTask<?> task) {
        current = task;
        progress.set(INDETERMINATE);
        message.set("");
        running.set(true);
    }

    void report(BackgroundTask<?> task, double fraction, String text) {
        if (task == current) {
            progress.set(fraction < 0 ? INDETERMINATE : Math.min(1, fraction));
            message.set(text == null ? "" : text);
        }
    }

    /** A task that finishes after a newer one began leaves the newer one's status alone. */
    void end(BackgroundTask<?> task) {
        if (task == current) {
            current = null;
            running.set(false);
            progress.set(0);
            message.set("");
        }
    }

    /** Cancels the task shown, if one runs. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** From 0 to 1, or {@link #INDETERMINATE}, as a progress bar takes it. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
