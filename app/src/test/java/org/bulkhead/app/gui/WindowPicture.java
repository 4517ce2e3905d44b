package org.bulkhead.app.gui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;

/**
 * Writes a window's scene as a PNG for the documentation, when {@code -Dbulkhead.screenshots}
 * names a folder (the README's pictures of the lab are taken this way); otherwise nothing.
 */
final class WindowPicture {

    private WindowPicture() {
    }

    static Optional<Path> folder() {
        String folder = System.getProperty("bulkhead.screenshots", "");
        return folder.isBlank() ? Optional.empty() : Optional.of(Path.of(folder));
    }

    /** Takes the picture on the FX thread through {@code ui}; returns where it went, if anywhere. */
    static Optional<Path> take(WindowDriver ui, Scene scene, String name) throws IOException {
        Optional<Path> folder = folder();
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        WritableImage image = ui.onFx(() -> scene.snapshot(null));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(0, 0, width, height, pixels, 0, width);
        Files.createDirectories(folder.get());
        Path file = folder.get().resolve(name);
        ImageIO.write(picture, "png", file.toFile());
        return Optional.of(file);
    }
}
