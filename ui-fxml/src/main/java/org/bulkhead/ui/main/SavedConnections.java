package org.bulkhead.ui.main;

import org.bulkhead.ui.common.Confirmation;
import org.bulkhead.ui.common.DialogService;
import org.bulkhead.ui.common.Problem;
import org.bulkhead.ui.common.TaskExecutor;
import org.bulkhead.ui.connection.KnownConnections;

/**
 * The connections saved for the next start, written off the FX thread, with what to say when
 * the file cannot be written, and the question asked before the last open connection is closed.
 */
final class SavedConnections {

    private final KnownConnections known;
    private final TaskExecutor tasks;
    private final DialogService dialogs;

    SavedConnections(KnownConnections known, TaskExecutor tasks, DialogService dialogs) {
        this.known = known;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    void remember(String uri) {
        tasks.submit(() -> known.remember(uri), saved -> { }, failure -> dialogs.showError(new Problem(
                "Could not remember the connection",
                "Bulkhead could not save " + uri + " for the next start.", message(failure),
                "Check that " + known.file().getParent() + " is writable; until then, pass --connect " + uri
                        + " when starting Bulkhead.")));
    }

    void forget(String uri) {
        tasks.submit(() -> known.forget(uri), saved -> { }, failure -> dialogs.showError(new Problem(
                "Could not forget the connection",
                "Bulkhead closed " + uri + " but could not remove it from the saved connections.", message(failure),
                "Check that " + known.file() + " is writable, or remove the entry by hand.")));
    }

    /** Asked before "Close and forget" leaves no connection open; true to go ahead. */
    boolean confirmClosingTheLast(String uri) {
        return dialogs.confirm(new Confirmation("Close connection", "Close " + uri + " and forget it?",
                "No other connection is open: the window will be empty and New VM unavailable until you add one"
                        + " (Connection ▸ Add connection…). Bulkhead will not open it at the next start either.",
                "Close and forget"));
    }

    private static String message(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
