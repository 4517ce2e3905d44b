package org.bulkhead.ui.console;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

import javafx.geometry.Rectangle2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Draws a {@link ScreenDamage} into an {@link ImageView}: an image backed by a
 * {@link PixelBuffer}, updated on the FX thread only where the guest's screen changed, and
 * replaced when the guest changes its resolution.
 */
public final class ScreenImage {

    private final ImageView view;
    private final ScreenDamage damage;
    private final Runnable onResize;
    private PixelBuffer<IntBuffer> pixels;
    private IntBuffer buffer;
    private long draws;

    /** @param onResize runs on the FX thread after the image was replaced for a new resolution */
    public ScreenImage(ImageView view, ScreenDamage damage, Runnable onResize) {
        this.view = view;
        this.damage = damage;
        this.onResize = onResize;
        damage.setOnDamage(this::draw);
    }

    /** On the FX thread: copies what changed into the image's buffer and redraws only that. */
    public void draw() {
        ScreenDamage.Region region = damage.drain(changed -> {
            if (changed.resized() || buffer == null || pixels.getWidth() != changed.width()
                    || pixels.getHeight() != changed.height()) {
                buffer = ByteBuffer.allocateDirect(changed.width() * changed.height() * 4)
                        .order(ByteOrder.nativeOrder()).asIntBuffer();
                pixels = new PixelBuffer<>(changed.width(), changed.height(), buffer,
                        PixelFormat.getIntArgbPreInstance());
                view.setImage(new WritableImage(pixels));
                onResize.run();
            }
            // A view of its own for the copy: the renderer reads the image's buffer on its own
            // thread and may move that buffer's position and limit meanwhile (seen: an absolute put
            // refused against a limit that was not the buffer's size). The view shares the pixels.
            return buffer.duplicate();
        });
        if (!region.isEmpty() && pixels != null) {
            draws++;
            pixels.updateBuffer(unused -> new Rectangle2D(region.x(), region.y(), region.x2() - region.x(),
                    region.y2() - region.y()));
        }
    }

    /** How many redraws reached the image, for the benchmark. */
    public long draws() {
        return draws;
    }
}
