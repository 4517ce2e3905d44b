package org.bulkhead.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;

/** Runs work on the FX thread from the benchmark's own thread and waits for it. */
public final class Fx {

    private Fx() {
    }

    /** Starts the toolkit, as {@code Application.launch} would, and returns when it is up. */
    public static void startup() throws InterruptedException {
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        if (!up.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start within 60 s");
        }
        // The benchmark closes its windows itself and then measures on; the toolkit must stay.
        Platform.setImplicitExit(false);
    }

    public static <T> T call(Callable<T> work) throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    public static void run(Runnable work) throws InterruptedException, ExecutionException, TimeoutException {
        call(() -> {
            work.run();
            return null;
        });
    }
}
