package org.bulkhead.ui.wizard;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;

import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.ui.common.BackgroundTask;
import org.bulkhead.ui.common.TaskExecutor;
import org.bulkhead.ui.common.TaskStatus;

/**
 * The wizard's background work, one step at a time, shown by one {@link TaskStatus}: busy while a
 * step runs. A step that ends after the wizard was closed has its result dropped (so a reservation
 * it made is given back), and the wizard's connection is closed once nothing runs.
 */
final class WizardWork {

    private final TaskExecutor tasks;
    private final Runnable closeConnection;
    private final TaskStatus status = new TaskStatus();
    private boolean closed;
    private boolean connectionClosed;

    /** @param closeConnection closes the wizard's connection once the wizard is closed and nothing runs */
    WizardWork(TaskExecutor tasks, Runnable closeConnection) {
        this.tasks = tasks;
        this.closeConnection = closeConnection;
    }

    /**
     * Runs {@code work} in the background; then {@code done} with its result, or {@code dropped}
     * when the wizard was closed meanwhile, or {@code failed} with a message for the user.
     */
    <T> void step(Callable<T> work, Consumer<? super T> done, Consumer<? super T> dropped, Consumer<String> failed) {
        tasks.run(BackgroundTask.of(work).trackedBy(status)
                .onSuccess(result -> {
                    if (closed) {
                        dropped.accept(result);
                    } else {
                        done.accept(result);
                    }
                })
                .onFailure(failure -> {
                    if (!closed) {
                        failed.accept(message(failure));
                    }
                })
                .onFinished(this::closeConnectionIfDone));
    }

    /** Work nobody waits for (closing a connection): not shown as busy, failures ignored. */
    void quietly(Runnable work) {
        tasks.run(BackgroundTask.of(() -> {
            work.run();
            return Boolean.TRUE;
        }));
    }

    boolean busy() {
        return status.isRunning();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return status.runningProperty();
    }

    /** The wizard is gone: what runs drops its result; the connection closes now if nothing runs. */
    void close() {
        closed = true;
        closeConnectionIfDone();
    }

    boolean closed() {
        return closed;
    }

    private void closeConnectionIfDone() {
        if (closed && !status.isRunning() && !connectionClosed) {
            connectionClosed = true;
            closeConnection.run();
        }
    }

    static String message(Exception e) {
        if (e instanceof HypervisorException h) {
            return h.userMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
