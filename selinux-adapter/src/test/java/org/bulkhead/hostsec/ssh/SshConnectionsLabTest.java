package org.bulkhead.hostsec.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real shared connection into the SELinux lab ({@code -Dbulkhead.lab.ssh}, set by
 * scripts/lab/prove): its socket is in the private folder while Bulkhead reads the host, and
 * after close neither the socket, the folder nor the ssh process holding the connection is left.
 */
@Tag("selinux-lab")
class SshConnectionsLabTest {

    @Test
    void closingEndsTheSharedConnectionAndLeavesNoSocketBehind(@TempDir Path runtime) throws Exception {
        String ssh = System.getProperty("bulkhead.lab.ssh", "");
        Assumptions.assumeFalse(ssh.isBlank(), "bulkhead.lab.ssh names the lab's ssh command line");
        SshConnections connections = SshConnections.in(Map.of("XDG_RUNTIME_DIR", runtime.toString()));
        Path folder = connections.folder().orElseThrow();
        try {
            SshHostSecurity lab = SshHostSecurity.over(Arrays.asList(ssh.trim().split("\\s+")), connections);
            assertEquals(SecurityDriverInfo.Enforcement.ENFORCING, lab.driver().enforcement());
            try (Stream<Path> sockets = Files.list(folder)) {
                assertEquals(1, sockets.filter(SshConnectionsLabTest::isSocket).count(), "one shared connection's socket in " + folder);
            }
            assertFalse(mastersOf(folder).isEmpty(), "ssh keeps the shared connection open for the next command");
        } finally {
            connections.close();
        }
        assertFalse(Files.exists(folder), "the folder and its socket are gone");
        // ssh -O exit returns once the master was told; give it a moment to go.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!mastersOf(folder).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(mastersOf(folder).isEmpty(), "no ssh process holds a connection any more: " + mastersOf(folder));
    }

    private static boolean isSocket(Path file) {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther();
        } catch (IOException gone) {
            return false;
        }
    }

    /** The pids of processes whose command line names {@code folder} (the ssh holding the connection). */
    private static List<String> mastersOf(Path folder) throws IOException {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                                    .contains(folder.toString());
                        } catch (IOException gone) {
                            return false;
                        }
                    }).map(p -> p.getFileName().toString()).toList();
        }
    }
}
