package org.bulkhead.hostsec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.bulkhead.model.testing.Commands;

/**
 * What the tests need from the real machine: root, a scratch directory on the build's own
 * filesystem (target/, not /tmp, which may be a tmpfs), and commands to cross-check with.
 */
final class RealHost {

    private RealHost() {
    }

    /** Fails, never skips: CI runs as root, and a skipped label test proves nothing. */
    static void requireRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            assertEquals(0, uid, "these tests set security.* and trusted.* xattrs, chown files and"
                    + " mount filesystems: run them as root (CI does)");
        } catch (IOException e) {
            fail("cannot tell whether the tests run as root: " + e);
        }
    }

    /** A fresh directory under target/ for one test. */
    static Path scratch(String name) throws IOException {
        Path base = Files.createDirectories(Path.of("target", "hostsec-tests"));
        return Files.createTempDirectory(base.toAbsolutePath(), name + "-");
    }

    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(directory)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Runs a command, fails the test unless it exits 0, and returns its standard output. */
    static String run(String... command) {
        return run(List.of(command));
    }

    static String run(List<String> command) {
        Commands.Result result = Commands.run(command.toArray(String[]::new));
        assertEquals(0, result.exitCode(), () -> String.join(" ", command) + " failed: " + result.output());
        return result.output();
    }
}
