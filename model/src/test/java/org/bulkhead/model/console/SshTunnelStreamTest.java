package org.bulkhead.model.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bulkhead.model.hypervisor.ConnectionUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console over SSH: what ssh says reaches the user, and the relay the host runs carries the
 * VNC bytes both ways. The relay is run here by {@code sh -c}, exactly as sshd hands it to the
 * login shell on the host; the SSH hop itself is tested against the lab.
 */
class SshTunnelStreamTest {

    @TempDir
    Path temp;

    @Test
    void aHostThatRefusesTheConnectionIsToldInSshsOwnWords() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> ssh = ConnectionUri.parse("qemu+ssh://root@127.0.0.1:" + port + "/system?no_verify=1")
                .sshCommandLine().orElseThrow();
        ConsoleRoute.OverSsh route = new ConsoleRoute.OverSsh(0, ssh, "127.0.0.1", "/run/vm/vnc.sock", true, Optional.empty());
        IOException failure = assertThrows(IOException.class, () -> SshTunnelStream.open(route, Optional.empty()));
        assertTrue(failure.getMessage().contains("ssh exited with status 255"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Connection refused"), failure.getMessage());
    }

    @Test
    void theRelayCarriesBytesBothWaysToASocketWhosePathNeedsQuoting() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("it's a \"vm\" $(touch pwned)"));
        Path socket = dir.resolve("vnc.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread.ofVirtual().start(() -> serveUppercase(server));
            ConsoleRoute.OverSsh route = new ConsoleRoute.OverSsh(0, List.of("sh", "-c"), "this machine",
                    socket.toString(), true, Optional.empty());
            try (SshTunnelStream stream = SshTunnelStream.open(route, Optional.empty())) {
                assertEquals("RFB 003.008\n", new String(stream.input().readNBytes(12), StandardCharsets.US_ASCII));
                stream.output().write("hello".getBytes(StandardCharsets.US_ASCII));
                stream.output().flush();
                assertArrayEquals("HELLO".getBytes(StandardCharsets.US_ASCII), stream.input().readNBytes(5));
            }
        }
        assertTrue(Files.notExists(Path.of("pwned")) && Files.notExists(dir.resolve("pwned")),
                "the path was never run as a command");
    }

    @Test
    void aSocketThatCannotBeOpenedOnTheHostSaysWhichAndWhy() {
        ConsoleRoute.OverSsh route = new ConsoleRoute.OverSsh(0, List.of("sh", "-c"), "this machine",
                temp.resolve("gone/vnc.sock").toString(), true, Optional.empty());
        IOException failure = assertThrows(IOException.class, () -> SshTunnelStream.open(route, Optional.empty()));
        assertTrue(failure.getMessage().contains("cannot open " + temp.resolve("gone/vnc.sock")), failure.getMessage());
        assertTrue(failure.getMessage().contains("No such file or directory"), failure.getMessage());
    }

    /** A stand-in VNC server: greets, then answers every read in capitals. */
    private static void serveUppercase(ServerSocketChannel server) {
        try (SocketChannel client = server.accept()) {
            client.write(ByteBuffer.wrap("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocate(64);
            while (client.read(buffer) > 0) {
                buffer.flip();
                String text = StandardCharsets.US_ASCII.decode(buffer).toString().toUpperCase(Locale.ROOT);
                client.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
                buffer.clear();
            }
        } catch (IOException e) {
            // The console closed: the test is over.
        }
    }
}
