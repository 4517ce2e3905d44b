package org.bulkhead.app.gui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Run in a JVM of its own by {@link FrameRateTest}: starts the toolkit the way the app does and
 * prints how many frames an animation was given in its first two seconds, by the frames' own times.
 */
public final class FrameRateChild {

    private FrameRateChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        RenderingPipeline.chooseBeforeToolkit();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await(30, TimeUnit.SECONDS);
        AtomicInteger frames = new AtomicInteger();
        CountDownLatch twoSeconds = new CountDownLatch(1);
        AnimationTimer counter = new AnimationTimer() {
            private long first = -1;

            @Override
            public void handle(long now) {
                if (first < 0) {
                    first = now;
                }
                if (now - first >= TimeUnit.SECONDS.toNanos(2)) {
                    stop();
                    twoSeconds.countDown();
                    return;
                }
                frames.incrementAndGet();
            }
        };
        Platform.runLater(counter::start);
        if (!twoSeconds.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the animation ran no two seconds");
        }
        System.out.println(frames.get());
        Platform.exit();
    }
}
