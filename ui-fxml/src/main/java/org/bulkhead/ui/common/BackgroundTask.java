package org.bulkhead.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Slow work with what a UI needs around it, run by {@link TaskExecutor#run}: what to do on
 * success, on failure, once cancelled, and once finished whichever it was; progress the work
 * reports; and cancelling. A {@link TaskStatus} given to {@link #trackedBy} shows the task
 * while it runs, so a view model never sets a busy flag by hand. Every callback runs on the UI
 * thread, and exactly one of success, failure and cancelled runs, then finished; the status
 * stops showing the task before any of them runs.
 */
public final class BackgroundTask<T> {

    /** The work, on a background thread; it may report progress and should stop once cancelled. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** What running work may report and ask. */
    public interface Progress {
        /**
         * @param fraction done so far, from 0 to 1; negative when it cannot be said
         * @param message  what the work is doing now, in a few words
         */
        void update(double fraction, String message);

        /** True once the task was cancelled: the work should stop and return. */
        boolean isCancelled();
    }

    private final Work<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<? super Exception> onFailure = failure -> { };
    private Runnable onCancelled = () -> { };
    private Runnable onFinished = () -> { };
    private TaskStatus status;
    private volatile boolean cancelled;
    private Thread worker;
    private volatile Executor ui = Runnable::run;

    private BackgroundTask(Work<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> of(Callable<T> work) {
        Objects.requireNonNull(work, "work");
        return new BackgroundTask<>(progress -> work.call());
    }

    public static <T> BackgroundTask<T> withProgress(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        onSuccess = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<? super Exception> action) {
        onFailure = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable action) {
        onCancelled = Objects.requireNonNull(action);
        return this;
    }

    /** Runs after success, failure or cancellation. */
    public BackgroundTask<T> onFinished(Runnable action) {
        onFinished = Objects.requireNonNull(action);
        return this;
    }

    /** Shows this task in {@code taskStatus} from the moment it is run until it finishes. */
    public BackgroundTask<T> trackedBy(TaskStatus taskStatus) {
        status = Objects.requireNonNull(taskStatus);
        return this;
    }

    /**
     * Asks the work to stop (its thread is interrupted, {@link Progress#isCancelled} turns true).
     * Whatever it returns or throws afterwards is dropped: cancelled and finished run instead.
     */
    public void cancel() {
        cancelled = true;
        synchronized (this) {
            if (worker != null) {
                worker.interrupt();
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** On the UI thread, as the executor takes the task: progress will reach {@code uiThread}. */
    void started(Executor uiThread) {
        ui = uiThread;
        if (status != null) {
            status.begin(this);
        }
    }

    /** On the worker thread. */
    T call() throws Exception {
        synchronized (this) {
            worker = Thread.currentThread();
        }
        try {
            if (cancelled) {
                throw new CancellationException("cancelled before it started");
            }
            return work.call(new Progress() {
                @Override
                public void update(double fraction, String message) {
                    if (status != null) {
                        ui.execute(() -> status.report(BackgroundTask.this, fraction, message));
                    }
                }

                @Override
                public boolean isCancelled() {
                    return cancelled;
                }
            });
        } finally {
            synchronized (this) {
                worker = null;
                Thread.interrupted(); // a late cancel must not interrupt the pool thread's next task
            }
        }
    }

    /** On the UI thread. */
    void succeeded(T result) {
        stopShowing();
        if (cancelled) {
            onCancelled.run();
        } else {
            onSuccess.accept(result);
        }
        finished();
    }

    /** On the UI thread. */
    void failed(Exception failure) {
        stopShowing();
        if (cancelled) {
            onCancelled.run();
        } else {
            onFailure.accept(failure);
        }
        finished();
    }

    /**
     * The work is over before its outcome is handled: a callback that moves the UI on (a new page,
     * the default button focused) or starts the next task sees this one as done.
     */
    private void stopShowing() {
        if (status != null) {
            status.end(this);
        }
    }

    private void finished() {
        onFinished.run();
    }
}
