package org.bulkhead.app.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Keeps OpenGL out of the process on a Linux machine without a GPU device. There Mesa can only
 * offer a software rasterizer, built on LLVM: JavaFX tries OpenGL first, refuses it and falls back
 * to its own software renderer, and GTK probes it for its visuals at start-up; either way Mesa and
 * LLVM load and stay resident, about 45 MB of a window's RSS, for nothing drawn. So without a GPU
 * JavaFX is told to use its software renderer and GTK not to use OpenGL ({@code GDK_GL=disable}),
 * unless the user chose otherwise ({@code -Dprism.order}, their own {@code GDK_GL}). A machine with
 * a GPU keeps both toolkits' own choices.
 *
 * <p>It also draws at most {@value #FRAMES_PER_SECOND} frames a second. On Linux JavaFX's pulse
 * timer never pauses: it wakes the toolkit thread {@code javafx.animation.pulse} times a second
 * (60 by default) whether or not anything changed, which alone costs an idle window most of its
 * CPU. Nothing in Bulkhead moves faster than 30 frames a second (the console's VNC updates are
 * asked for at most 30 times a second), so 30 halves the idle wakeups and loses no frame a user
 * could see. {@code -Djavafx.animation.pulse=N} still wins.
 */
public final class RenderingPipeline {

    /** The most frames a second the window draws, unless the user chose. */
    static final int FRAMES_PER_SECOND = 30;

    private static final String PULSE = "javafx.animation.pulse";

    private RenderingPipeline() {
    }

    /** Call before the toolkit starts (the benchmarks' bare window does too, so its floor is like for like). */
    public static void chooseBeforeToolkit() {
        if (System.getProperty("prism.order") == null && !hasGpu(Path.of("/dev"))) {
            System.setProperty("prism.order", "sw");
            // GTK reads it when the toolkit starts it, in this process: only the C library can set it.
            Native.load("c", CLibrary.class).setenv("GDK_GL", "disable", 0);
        }
        chooseFrameRate();
    }

    private static void chooseFrameRate() {
        if (System.getProperty(PULSE) != null) {
            return;
        }
        // The toolkit reads the rate once, as its class is initialised; JavaFX's animation timer
        // reads the same setting later only to print "Setting PULSE_DURATION to N hz" on standard
        // error, and otherwise takes the toolkit's rate. So the setting exists while the toolkit
        // class reads it and is gone before the timer looks: the rate is chosen, the terminal quiet.
        System.setProperty(PULSE, Integer.toString(FRAMES_PER_SECOND));
        try {
            Class.forName("com.sun.javafx.tk.quantum.QuantumToolkit", true,
                    javafx.application.Platform.class.getClassLoader());
            System.clearProperty(PULSE);
        } catch (ClassNotFoundException | LinkageError otherJavaFx) {
            // Left set: the rate is still chosen, at the price of that one line.
        }
    }

    private interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /** Whether {@code dev} holds a device OpenGL could render on: a DRM node or NVIDIA's. Not Linux: assumed. */
    static boolean hasGpu(Path dev) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return true;
        }
        if (Files.exists(dev.resolve("nvidiactl"))) {
            return true;
        }
        try (Stream<Path> nodes = Files.list(dev.resolve("dri"))) {
            return nodes.map(node -> node.getFileName().toString())
                    .anyMatch(name -> name.startsWith("card") || name.startsWith("render"));
        } catch (IOException noDri) {
            return false;
        }
    }
}
