package org.bulkhead.app.gui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Run in a JVM of its own by {@link FrameRateTest}: starts the toolkit the way the app does and
 * prints how many frames an animation was given in two seconds.
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
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.incrementAndGet();
            }
        };
        Platform.runLater(counter::start);
        Thread.sleep(2_000);
        Platform.runLater(counter::stop);
        System.out.println(frames.get());
        Platform.exit();
    }
}
