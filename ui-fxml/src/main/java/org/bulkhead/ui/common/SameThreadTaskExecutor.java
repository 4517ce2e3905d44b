package org.bulkhead.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work and its callback at once on the calling thread: deterministic view-model tests. */
public final class SameThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
