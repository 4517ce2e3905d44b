package org.bulkhead.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** The application's {@link TaskExecutor}: daemon worker threads, results on the UI executor. */
public final class BackgroundTaskExecutor implements TaskExecutor {

    private final ExecutorService workers;
    private final Executor ui;

    /** @param ui the UI thread, {@code Platform::runLater} in the application */
    public BackgroundTaskExecutor(Executor ui) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "bulkhead task");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        workers.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                ui.execute(() -> onFailure.accept(e));
                return;
            }
            ui.execute(() -> onSuccess.accept(result));
        });
    }

    @Override
    public <T> BackgroundTask<T> run(BackgroundTask<T> task) {
        task.started(ui);
        submit(task::call, task::succeeded, task::failed);
        return task;
    }

    @Override
    public void shutdown() {
        workers.shutdown();
    }
}
