package org.bulkhead.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On Linux the window is not woken while nothing changes, yet draws a change at once and animates
 * at full rate; JavaFX's own timer, in the same measurement, wakes it every frame. On GTK under a
 * private Xvfb (Monocle, which the other window tests use, has a timer of its own), each case in a
 * JVM of its own, since the timer is the toolkit's once per process.
 */
class IdlePulseTest {

    private static Process xvfb;
    private static String display;

    @BeforeAll
    static void startXvfb() throws IOException {
        try {
            // -displayfd 1: Xvfb picks a free display and prints its number once it accepts clients.
            xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "640x480x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("Xvfb is needed for this test (scripts/lib/packages.sh installs it): " + e.getMessage(), e);
        }
        StringBuilder number = new StringBuilder();
        for (int c = xvfb.getInputStream().read(); c >= 0 && c != '\n'; c = xvfb.getInputStream().read()) {
            number.append((char) c);
        }
        assertTrue(number.toString().matches("\\d+"), "Xvfb said which display it took: " + number);
        display = ":" + number;
    }

    @AfterAll
    static void stopXvfb() {
        if (xvfb != null) {
            xvfb.destroy();
        }
    }

    private static Map<String, String> child(String timer) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                IdlePulseChild.class.getName(), timer));
        builder.environment().put("DISPLAY", display);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] err = process.getErrorStream().readAllBytes();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM ends");
        assertEquals(0, process.exitValue(), "the child JVM failed: " + new String(err, StandardCharsets.UTF_8));
        Map<String, String> values = new HashMap<>();
        out.lines().filter(line -> line.contains("=")).forEach(line ->
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        return values;
    }

    @Test
    void anIdleWindowIsNotWokenYetDrawsAChangeAtOnceAndAnimatesAtFullRate() throws Exception {
        Map<String, String> run = child("pausing");
        assertEquals("true", run.get("replaced"), "the toolkit's timer was replaced: " + run);
        // Two idle seconds: JavaFX's own timer wakes the thread about 60 times (the next case).
        assertTrue(Long.parseLong(run.get("wakes")) <= 10, "wakeups in two idle seconds: " + run);
        // A change made while the timer stands is laid out without waiting for a timer that never comes.
        assertTrue(Long.parseLong(run.get("longestWaitMs")) < 1000, "longest wait for a change to be laid out: " + run);
        assertTrue(Integer.parseInt(run.get("frames")) >= 20, "an animation's frames in a second: " + run);
    }

    @Test
    void javafxsOwnTimerWakesTheIdleWindowEveryFrame() throws Exception {
        Map<String, String> run = child("javafx");
        assertEquals("false", run.get("replaced"), "-Dbulkhead.pulse.pause=false keeps JavaFX's timer: " + run);
        assertTrue(Long.parseLong(run.get("wakes")) >= 40, "wakeups in two idle seconds: " + run);
        assertTrue(Long.parseLong(run.get("longestWaitMs")) < 1000, "longest wait for a change to be laid out: " + run);
        assertTrue(Integer.parseInt(run.get("frames")) >= 20, "an animation's frames in a second: " + run);
    }
}
