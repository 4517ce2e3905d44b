package org.bulkhead.ui.console;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The guest's screen between the VNC thread and the FX thread: a copy of the last frame and the
 * rectangle that changed since the FX thread last drew. The VNC library hands over its whole
 * frame after each update without saying which rectangles it decoded, so the changed rows are
 * found by comparing with the copy (vectorised {@link Arrays#mismatch}, well under a millisecond
 * for 1024x768) and only they are copied, here and again into the image. Updates that arrive
 * while the FX thread is busy merge into one rectangle and one redraw.
 */
public final class ScreenDamage {

    /** What the FX thread draws: the frame's size and the changed rectangle (x, y inclusive; x2, y2 exclusive). */
    public record Region(int width, int height, boolean resized, int x, int y, int x2, int y2) {
        public boolean isEmpty() {
            return x >= x2 || y >= y2;
        }
    }

    private final Object lock = new Object();
    private final Executor ui;
    private final AtomicBoolean drawPending = new AtomicBoolean();
    private volatile Runnable onDamage = () -> { };

    private int width;
    private int height;
    private int[] copy = new int[0];
    private boolean resized;
    private int minX = Integer.MAX_VALUE;
    private int minY = Integer.MAX_VALUE;
    private int maxX;
    private int maxY;
    private long frames;

    /** @param ui where the redraw runs: the FX thread in the application */
    public ScreenDamage(Executor ui) {
        this.ui = ui;
    }

    /** What runs on the UI executor when something changed; the screen node sets it. */
    public void setOnDamage(Runnable draw) {
        onDamage = draw;
    }

    /**
     * On the VNC thread, after each framebuffer update: takes what changed in {@code frame}
     * (opaque ARGB, row after row) and asks for one redraw if none is pending.
     */
    public void accept(int[] frame, int frameWidth, int frameHeight) {
        boolean changed = false;
        synchronized (lock) {
            frames++;
            if (frameWidth != width || frameHeight != height || copy.length != frame.length) {
                width = frameWidth;
                height = frameHeight;
                copy = Arrays.copyOf(frame, frameWidth * frameHeight);
                resized = true;
                extend(0, 0, width, height);
                changed = true;
            } else {
                for (int y = 0; y < height; y++) {
                    int row = y * width;
                    int first = Arrays.mismatch(frame, row, row + width, copy, row, row + width);
                    if (first < 0) {
                        continue;
                    }
                    int last = width - 1;
                    while (frame[row + last] == copy[row + last]) {
                        last--;
                    }
                    System.arraycopy(frame, row + first, copy, row + first, last - first + 1);
                    extend(first, y, last + 1, y + 1);
                    changed = true;
                }
            }
        }
        if (changed && drawPending.compareAndSet(false, true)) {
            ui.execute(() -> {
                drawPending.set(false);
                onDamage.run();
            });
        }
    }

    private void extend(int x, int y, int x2, int y2) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x2);
        maxY = Math.max(maxY, y2);
    }

    /**
     * On the FX thread: copies the changed rectangle into {@code target} (a {@code width * height}
     * buffer, or a fresh one after a resize) and returns it; the next call sees only later changes.
     */
    public Region drain(Target target) {
        synchronized (lock) {
            Region region = new Region(width, height, resized, Math.min(minX, width), Math.min(minY, height),
                    Math.min(maxX, width), Math.min(maxY, height));
            if (region.isEmpty()) {
                // Nothing to draw (a 0x0 screen between modes): a pending resize waits for pixels.
                return region;
            }
            {
                IntBuffer buffer = target.buffer(region);
                int span = region.x2() - region.x();
                for (int y = region.y(); y < region.y2(); y++) {
                    int index = y * width + region.x();
                    buffer.put(index, copy, index, span);
                }
            }
            resized = false;
            minX = Integer.MAX_VALUE;
            minY = Integer.MAX_VALUE;
            maxX = 0;
            maxY = 0;
            return region;
        }
    }

    /** The frame updates taken so far, for the benchmark and the status line. */
    public long frames() {
        synchronized (lock) {
            return frames;
        }
    }

    /** The pixel at (x, y) of the last frame (opaque ARGB), 0 outside it; for tests. */
    public int pixel(int x, int y) {
        synchronized (lock) {
            return x < 0 || y < 0 || x >= width || y >= height ? 0 : copy[y * width + x];
        }
    }

    /** Which buffer to draw into; asked once per drain, after a resize for the new size. */
    @FunctionalInterface
    public interface Target {
        IntBuffer buffer(Region region);
    }
}
