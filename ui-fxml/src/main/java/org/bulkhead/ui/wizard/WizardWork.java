package org.bulkhead.ui.wizard;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.ui.common.TaskExecutor;

/**
 * The wizard's background work, one step at a time: busy while a step runs, and a step that ends
 * after the wizard was closed has its result dropped (and the connection closed once idle).
 */
final class WizardWork {

    private final TaskExecutor tasks;
    private final Runnable closeConnection;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private boolean closed;

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
        busy.set(true);
        tasks.submit(work, result -> {
            if (idle()) {
                dropped.accept(result);
            } else {
                done.accept(result);
            }
        }, failure -> {
            if (!idle()) {
                failed.accept(message(failure));
            }
        });
    }

    /** Work nobody waits for (closing a connection): not busy, failures ignored. */
    void quietly(Runnable work) {
        tasks.submit(() -> {
            work.run();
            return Boolean.TRUE;
        }, ignored -> { }, failure -> { });
    }

    boolean busy() {
        return busy.get();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The wizard is gone: what runs drops its result; the connection closes now if nothing runs. */
    void close() {
        closed = true;
        if (!busy.get()) {
            closeConnection.run();
        }
    }

    boolean closed() {
        return closed;
    }

    /** Ends a step; true when the wizard was closed meanwhile, so its result must be dropped. */
    private boolean idle() {
        busy.set(false);
        if (closed) {
            closeConnection.run();
            return true;
        }
        return false;
    }

    static String message(Exception e) {
        if (e instanceof HypervisorException h) {
            return h.userMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
