package org.bulkhead.app.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * Run in a JVM of its own on a real X display by {@link IdlePulseTest}: starts the toolkit the way
 * the app does, with ({@code pausing}) or without ({@code javafx}) the pulse timer that stops while
 * idle, shows a small window and prints, as {@code key=value} lines: whether the timer was
 * replaced, how often the toolkit thread was woken in two idle seconds, the longest wait from a
 * change made while idle to the pulse that lays it out, and the frames an animation got in a second.
 */
public final class IdlePulseChild {

    private IdlePulseChild() {
    }

    public static void main(String[] args) throws Exception {
        boolean pausing = args[0].equals("pausing");
        if (!pausing) {
            System.setProperty("bulkhead.pulse.pause", "false");
        }
        RenderingPipeline.chooseBeforeToolkit();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await(30, TimeUnit.SECONDS);
        AtomicBoolean replaced = new AtomicBoolean();
        AtomicReference<String> toolkitThread = new AtomicReference<>();
        Label label = new Label("idle");
        AtomicReference<Runnable> afterLayout = new AtomicReference<>(() -> { });
        onFx(() -> {
            replaced.set(RenderingPipeline.pauseWhenIdle());
            toolkitThread.set(threadSelf());
            Stage stage = new Stage();
            Scene scene = new Scene(label, 200, 80);
            scene.addPostLayoutPulseListener(() -> afterLayout.get().run());
            stage.setScene(scene);
            stage.show();
        });
        Thread.sleep(1500); // shown, drawn, and idle long enough for the toolkit to ask for a pause
        long before = switches(toolkitThread.get());
        Thread.sleep(2000);
        long wakes = switches(toolkitThread.get()) - before;

        long longest = 0;
        for (int i = 0; i < 5; i++) {
            Thread.sleep(600);
            String text = "change " + i;
            CountDownLatch laidOut = new CountDownLatch(1);
            afterLayout.set(() -> {
                if (label.getText().equals(text)) {
                    laidOut.countDown();
                }
            });
            long asked = System.nanoTime();
            Platform.runLater(() -> label.setText(text));
            if (!laidOut.await(5, TimeUnit.SECONDS)) {
                longest = TimeUnit.SECONDS.toMillis(5);
                break;
            }
            longest = Math.max(longest, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked));
        }

        int frames = AnimationFrames.in(1);

        System.out.println("replaced=" + replaced.get());
        System.out.println("wakes=" + wakes);
        System.out.println("longestWaitMs=" + longest);
        System.out.println("frames=" + frames);
        Platform.exit();
    }

    private static void onFx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await(30, TimeUnit.SECONDS);
    }

    /** This thread's id as the kernel numbers it ("PID/task/TID"). */
    private static String threadSelf() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
        } catch (IOException e) {
            throw new IllegalStateException("no /proc/thread-self: " + e.getMessage(), e);
        }
    }

    /** How many times the thread gave up the processor: each wakeup of an idle thread is one. */
    private static long switches(String thread) throws IOException {
        return Files.readAllLines(Path.of("/proc", thread, "status")).stream()
                .filter(line -> line.startsWith("voluntary_ctxt_switches") || line.startsWith("nonvoluntary_ctxt_switches"))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).strip()))
                .sum();
    }
}
