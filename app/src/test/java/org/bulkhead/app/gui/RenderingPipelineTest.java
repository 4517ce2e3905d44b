package org.bulkhead.app.gui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Which machines skip JavaFX's OpenGL attempt (and the Mesa and LLVM it loads for nothing). */
@EnabledOnOs(OS.LINUX)
class RenderingPipelineTest {

    @TempDir
    Path dev;

    @Test
    void aMachineWithoutAnyGpuDeviceGetsTheSoftwareRenderer() throws IOException {
        assertFalse(RenderingPipeline.hasGpu(dev), "no /dev/dri at all");
        Files.createDirectory(dev.resolve("dri"));
        assertFalse(RenderingPipeline.hasGpu(dev), "an empty /dev/dri");
    }

    @Test
    void aDrmNodeOrNvidiasDeviceKeepsJavaFxsOwnChoice() throws IOException {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/renderD128"));
        assertTrue(RenderingPipeline.hasGpu(dev));

        Path other = Files.createDirectory(dev.resolve("other"));
        Files.createFile(other.resolve("nvidiactl"));
        assertTrue(RenderingPipeline.hasGpu(other));
    }
}
