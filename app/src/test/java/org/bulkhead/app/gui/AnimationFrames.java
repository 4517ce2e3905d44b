package org.bulkhead.app.gui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/** For the child JVMs of the frame-rate tests: how many frames an animation gets, by the frames' own times. */
final class AnimationFrames {

    private AnimationFrames() {
    }

    /** Runs an animation for {@code seconds} of its own frame times and returns its frames; call off the FX thread. */
    static int in(int seconds) throws InterruptedException {
        AtomicInteger frames = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        AnimationTimer counter = new AnimationTimer() {
            private long first = -1;

            @Override
            public void handle(long now) {
                first = first < 0 ? now : first;
                if (now - first >= TimeUnit.SECONDS.toNanos(seconds)) {
                    stop();
                    done.countDown();
                    return;
                }
                frames.incrementAndGet();
            }
        };
        Platform.runLater(counter::start);
        if (!done.await(30L + seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the animation did not run " + seconds + " s");
        }
        return frames.get();
    }
}
