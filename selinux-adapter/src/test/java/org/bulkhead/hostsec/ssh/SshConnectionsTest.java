package org.bulkhead.hostsec.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the shared ssh connections' sockets go and that nothing of them is left after close:
 * a private folder under {@code XDG_RUNTIME_DIR} (else the temporary folder), removed on close.
 * The lab test {@link SshConnectionsLabTest} does the same with a real connection.
 */
class SshConnectionsTest {

    private static final List<String> LAB = List.of("ssh", "-p", "2222", "--", "lab.invalid");

    @Test
    void theSocketsLiveInAFolderOnlyThisUserCanEnterUnderTheRuntimeDirectory(@TempDir Path runtime) throws Exception {
        SshConnections connections = SshConnections.in(Map.of("XDG_RUNTIME_DIR", runtime.toString()));
        try {
            Path folder = connections.folder().orElseThrow();
            assertEquals(runtime, folder.getParent());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            String options = String.join(" ", connections.options(LAB));
            assertTrue(options.contains("ControlPath=" + folder.resolve("0")), options);
            assertTrue(options.contains("ControlMaster=auto"), options);
            assertEquals(connections.options(LAB), connections.options(LAB), "one host's commands share one socket");
            String other = String.join(" ", connections.options(List.of("ssh", "--", "other.invalid")));
            assertTrue(other.contains("ControlPath=" + folder.resolve("1")), other);
        } finally {
            connections.close();
        }
    }

    @Test
    void withoutARuntimeDirectoryTheTemporaryFolderHoldsThem() {
        SshConnections connections = SshConnections.in(Map.of());
        try {
            assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath(),
                    connections.folder().orElseThrow().getParent().toAbsolutePath());
        } finally {
            connections.close();
        }
    }

    @Test
    void aRuntimeDirectoryTooDeepForSocketPathsIsPassedOverForTheTemporaryFolder(@TempDir Path base)
            throws Exception {
        // ssh refuses a socket path beyond 108 bytes (with 17 of its own while it makes the socket).
        Path deep = Files.createDirectories(base.resolve("a".repeat(40)).resolve("b".repeat(40)));
        SshConnections connections = SshConnections.in(Map.of("XDG_RUNTIME_DIR", deep.toString()));
        try {
            Path folder = connections.folder().orElseThrow();
            assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath(), folder.getParent());
            String socket = connections.options(LAB).stream().filter(o -> o.startsWith("ControlPath="))
                    .findFirst().orElseThrow().substring("ControlPath=".length());
            assertTrue(socket.length() + 17 < 108, socket);
        } finally {
            connections.close();
        }
    }

    @Test
    void closingRemovesTheFolderWithWhatIsLeftInItAndSharesNoMore(@TempDir Path runtime) throws Exception {
        SshConnections connections = SshConnections.in(Map.of("XDG_RUNTIME_DIR", runtime.toString()));
        Path folder = connections.folder().orElseThrow();
        connections.options(LAB);
        Files.writeString(folder.resolve("0123abcd"), "a socket ssh did not remove");

        connections.close();

        assertFalse(Files.exists(folder), "nothing of the shared connections stays behind");
        assertEquals(List.of(), connections.options(LAB), "a closed set makes no new sockets in a removed folder");
        try (var left = Files.list(runtime)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
