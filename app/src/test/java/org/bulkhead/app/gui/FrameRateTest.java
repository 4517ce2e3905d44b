package org.bulkhead.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The window draws at most 30 frames a second (half JavaFX's idle wakeups on Linux) and says
 * nothing about it on the terminal; a user's own {@code -Djavafx.animation.pulse} still wins. Each
 * case starts the toolkit in a JVM of its own, since the rate is read once, when it starts.
 */
class FrameRateTest {

    private static final String PRINTED = "Setting PULSE_DURATION";

    private record Run(int frames, String err) {
    }

    private static Run child(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Djava.awt.headless=true"));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FrameRateChild.class.getName()));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        var err = process.getErrorStream().readAllBytes();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM ends");
        String errText = new String(err, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "the child JVM failed: " + errText);
        return new Run(Integer.parseInt(out), errText);
    }

    @Test
    void theWindowDrawsAtMostThirtyFramesASecondAndSaysNothingAboutIt() throws Exception {
        Run run = child();
        // Two seconds at 30 a second, with a frame or two of slack for the start and the stop.
        assertTrue(run.frames() >= 20 && run.frames() <= 2 * RenderingPipeline.FRAMES_PER_SECOND + 2,
                "frames in two seconds: " + run.frames());
        // (JavaFX on the class path, as here, warns of that; the launcher runs it as modules.)
        assertFalse(run.err().contains(PRINTED), "nothing about it on standard error: " + run.err());
    }

    @Test
    void theUsersOwnRateWins() throws Exception {
        Run run = child("-Djavafx.animation.pulse=60");
        assertTrue(run.frames() > 2 * RenderingPipeline.FRAMES_PER_SECOND + 10, "frames in two seconds: " + run.frames());
        assertTrue(run.err().contains(PRINTED), "JavaFX's own line, which the first case must not show: " + run.err());
    }
}
