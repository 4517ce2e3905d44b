package org.bulkhead.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (disk, network) away from the UI thread and hands the outcome back to it.
 * View models depend on this interface so tests can run everything on the calling thread.
 * {@link #run} takes a {@link BackgroundTask}, which adds what a UI needs: a status to show
 * while it runs (a {@link TaskStatus}), progress, cancelling, and on-finished.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI
     * thread. Exactly one of the two callbacks runs.
     */
    <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /**
     * Runs {@code task}: its status shows it from now (this is called on the UI thread), its work
     * runs in the background, its callbacks and status updates on the UI thread. Returns the
     * task, whose {@link BackgroundTask#cancel} stops it. This default, for executors with only
     * {@link #submit}, hands progress over on the thread that reports it; executors whose work
     * runs on another thread override it.
     */
    default <T> BackgroundTask<T> run(BackgroundTask<T> task) {
        task.started(Runnable::run);
        submit(task::call, task::succeeded, task::failed);
        return task;
    }

    /** Stops accepting work; what is running finishes. */
    default void shutdown() {
    }
}
