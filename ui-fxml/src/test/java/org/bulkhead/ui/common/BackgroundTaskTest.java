package org.bulkhead.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** A task shows in its status while it runs, reports progress, and once cancelled reports nothing else. */
class BackgroundTaskTest {

    /** Work waits in a queue until the test runs it, as a busy pool would leave it. */
    private static final class QueuedTasks implements TaskExecutor {
        private final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
            queue.add(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            });
        }

        void runNext() {
            queue.poll().run();
        }
    }

    private final QueuedTasks tasks = new QueuedTasks();
    private final TaskStatus status = new TaskStatus();
    private final List<String> events = new ArrayList<>();

    @Test
    void theStatusShowsTheTaskFromSubmissionUntilItsWorkEndsThenSuccessThenFinished() {
        tasks.run(BackgroundTask.of(() -> "log").trackedBy(status)
                .onSuccess(result -> events.add("success " + result + " running=" + status.isRunning()))
                .onFinished(() -> events.add("finished running=" + status.isRunning())));
        assertTrue(status.isRunning(), "busy as soon as it is submitted, before a thread takes it");
        assertEquals(TaskStatus.INDETERMINATE, status.progressProperty().get());

        tasks.runNext();

        assertFalse(status.isRunning());
        assertEquals(List.of("success log running=false", "finished running=false"), events,
                "the outcome is handled once the work is over (a page change may focus a button busy disabled)");
    }

    @Test
    void aTaskStartedFromASuccessCallbackKeepsTheStatusRunning() {
        tasks.run(BackgroundTask.of(() -> "first").trackedBy(status)
                .onSuccess(first -> tasks.run(BackgroundTask.of(() -> "second").trackedBy(status)
                        .onSuccess(events::add))));
        tasks.runNext();
        assertTrue(status.isRunning(), "the next step runs");
        tasks.runNext();
        assertFalse(status.isRunning());
        assertEquals(List.of("second"), events);
    }

    @Test
    void aFailureReachesOnFailureAndTheStatusClears() {
        tasks.run(BackgroundTask.of(() -> {
            throw new IllegalStateException("the audit log is gone");
        }).trackedBy(status).onSuccess(result -> events.add("success"))
                .onFailure(failure -> events.add(failure.getMessage())).onFinished(() -> events.add("finished")));
        tasks.runNext();
        assertEquals(List.of("the audit log is gone", "finished"), events);
        assertFalse(status.isRunning());
    }

    @Test
    void progressTheWorkReportsShowsInTheStatus() {
        List<Double> seen = new ArrayList<>();
        status.progressProperty().addListener((obs, old, now) -> seen.add(now.doubleValue()));
        tasks.run(BackgroundTask.withProgress(progress -> {
            progress.update(0.25, "reading");
            events.add(status.messageProperty().get());
            progress.update(2, "almost");
            return null;
        }).trackedBy(status));
        tasks.runNext();
        assertEquals(List.of("reading"), events);
        assertEquals(List.of(TaskStatus.INDETERMINATE, 0.25, 1.0, 0.0), seen,
                "unknown at first, a quarter, capped at all, then cleared when finished");
    }

    @Test
    void aCancelledTaskReportsNeitherSuccessNorFailureAndItsWorkSeesIt() {
        BackgroundTask<String> task = tasks.run(BackgroundTask.withProgress(progress -> {
            events.add("work sees cancelled=" + progress.isCancelled());
            return "late answer";
        }).trackedBy(status).onSuccess(events::add).onCancelled(() -> events.add("cancelled"))
                .onFinished(() -> events.add("finished")));
        status.cancel();
        assertTrue(task.isCancelled());

        tasks.runNext();

        assertEquals(List.of("cancelled", "finished"), events, "work cancelled before it started never runs");
        assertFalse(status.isRunning());
    }

    @Test
    void workCancelledWhileRunningHasItsResultDropped() {
        AtomicReference<BackgroundTask<String>> self = new AtomicReference<>();
        self.set(tasks.run(BackgroundTask.<String>withProgress(progress -> {
            self.get().cancel();
            events.add("work sees cancelled=" + progress.isCancelled());
            return "late answer";
        }).trackedBy(status).onSuccess(events::add).onCancelled(() -> events.add("cancelled"))));
        tasks.runNext();
        assertEquals(List.of("work sees cancelled=true", "cancelled"), events);
        assertFalse(Thread.currentThread().isInterrupted(), "the worker's interrupt is not left behind");
    }

    @Test
    void anOlderTaskFinishingLateLeavesTheNewerOnesStatusAlone() {
        tasks.run(BackgroundTask.of(() -> "old").trackedBy(status));
        tasks.run(BackgroundTask.of(() -> "new").trackedBy(status));
        tasks.runNext();
        assertTrue(status.isRunning(), "the newer task still runs");
        tasks.runNext();
        assertFalse(status.isRunning());
    }

    @Test
    void theSameThreadExecutorRunsATaskToTheEndAtOnce() {
        new SameThreadTaskExecutor().run(BackgroundTask.of(() -> 42).trackedBy(status)
                .onSuccess(answer -> events.add("answer " + answer)).onFinished(() -> events.add("finished")));
        assertEquals(List.of("answer 42", "finished"), events);
        assertFalse(status.isRunning());
    }
}
