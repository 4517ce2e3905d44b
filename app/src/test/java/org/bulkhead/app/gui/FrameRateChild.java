package org.bulkhead.app.gui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
        System.out.println(AnimationFrames.in(2));
        Platform.exit();
    }
}
