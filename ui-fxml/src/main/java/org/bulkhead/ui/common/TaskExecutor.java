package org.bulkhead.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (disk, network) away from the UI thread and hands the outcome back to it.
 * View models depend on this interface so tests can run everything on the calling thread.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI
     * thread. Exactly one of the two callbacks runs.
     */
    <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Stops accepting work; what is running finishes. */
    default void shutdown() {
    }
}
