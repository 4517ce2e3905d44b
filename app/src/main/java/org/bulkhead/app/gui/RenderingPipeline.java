package org.bulkhead.app.gui;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import javafx.application.Platform;

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
 *
 * <p>Once the toolkit runs, its timer on Linux is replaced by one that stops while nothing changes
 * ({@link PausingPulseTimer}): an idle window is then not woken at all. This reaches into JavaFX's
 * toolkit (the launcher opens the packages it needs); when anything there is not as expected, the
 * toolkit keeps its own timer and the window works as before, only less idle.
 * {@code -Dbulkhead.pulse.pause=false} keeps JavaFX's own timer too.
 */
public final class RenderingPipeline {

    /** The most frames a second the window draws, unless the user chose. */
    static final int FRAMES_PER_SECOND = 30;

    private static final String PULSE = "javafx.animation.pulse";

    private static final System.Logger LOG = System.getLogger(RenderingPipeline.class.getName());

    /** JavaFX's own timer on Linux, whose pause and resume do nothing. */
    private static final String GTK_TIMER = "com.sun.glass.ui.gtk.GtkTimer";

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

    /**
     * Call on the toolkit's thread once it runs (from {@code start}, say): replaces JavaFX's pulse
     * timer on Linux by one that stops while nothing changes. Returns whether it did; when it did
     * not, the debug log says why.
     */
    public static boolean pauseWhenIdle() {
        if (!Boolean.parseBoolean(System.getProperty("bulkhead.pulse.pause", "true"))
                || Boolean.getBoolean("javafx.animation.fullspeed")) {
            return false;
        }
        Module graphics = Platform.class.getModule();
        Module ours = RenderingPipeline.class.getModule();
        if (!graphics.isExported("com.sun.glass.ui", ours) || !graphics.isExported("com.sun.javafx.tk", ours)
                || !graphics.isOpen("com.sun.javafx.tk.quantum", ours)) {
            LOG.log(System.Logger.Level.DEBUG, "JavaFX's pulse timer kept: its toolkit's packages are not open to Bulkhead");
            return false;
        }
        try {
            Object toolkit = Class.forName("com.sun.javafx.tk.Toolkit").getMethod("getToolkit").invoke(null);
            Class<?> quantum = toolkit.getClass();
            Object current = field(quantum, "pulseTimer").get(toolkit);
            if (current == null || !current.getClass().getName().equals(GTK_TIMER)
                    || field(quantum, "nativeSystemVsync").getBoolean(toolkit)) {
                LOG.log(System.Logger.Level.DEBUG, "JavaFX's pulse timer kept: "
                        + (current == null ? "none yet" : current.getClass().getName()));
                return false;
            }
            int interval = field(quantum, "PULSE_INTERVAL").getInt(toolkit);
            Runnable runnable = (Runnable) field(quantum, "timerRunnable").get(toolkit);
            Object animation = field(quantum, "animationRunning").get(toolkit);
            Object requested = field(quantum, "nextPulseRequested").get(toolkit);
            Method running = animation.getClass().getDeclaredMethod("get");
            running.setAccessible(true);
            PausingPulseTimer replacement = new PausingPulseTimer(runnable, () -> {
                try {
                    return (Boolean) running.invoke(animation) || (Boolean) running.invoke(requested);
                } catch (ReflectiveOperationException e) {
                    return true; // unknown: keep ticking rather than miss a frame
                }
            });
            com.sun.glass.ui.Timer old = (com.sun.glass.ui.Timer) current;
            // The toolkit pauses and resumes its timer under its own lock.
            synchronized (toolkit) {
                replacement.start(interval);
                field(quantum, "pulseTimer").set(toolkit, replacement);
                old.stop();
            }
            LOG.log(System.Logger.Level.DEBUG, "pulse timer: stops while nothing changes, " + interval + " ms a frame");
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "JavaFX's pulse timer kept: " + e);
            return false;
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
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
