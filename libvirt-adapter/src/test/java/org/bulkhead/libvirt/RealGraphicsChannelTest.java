package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bulkhead.model.console.ConsoleOpener;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.Graphics;
import org.bulkhead.model.domain.NewDomain;
import org.bulkhead.model.hypervisor.ConsoleStream;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The console's transports against QEMU on the real daemon: the descriptor libvirt passes for a
 * VM that listens only on a UNIX socket (as the wizard writes it), and a loopback TCP listener
 * with a password.
 */
@Tag("real-libvirt")
class RealGraphicsChannelTest {

    private LibvirtConnection connection;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        connection = RealLibvirt.open();
        RealLibvirt.requireLocalRoot(connection);
    }

    @AfterEach
    void cleanUp() {
        RealLibvirt.cleanUp(connection, created);
    }

    private DomainRecord started(String xml) {
        DomainRecord domain = connection.define(xml);
        created.add(domain.uuid());
        connection.start(domain.uuid());
        return domain;
    }

    @Test
    void aVmAsTheWizardWritesItIsReachedThroughLibvirtWithNoPortAnywhere() throws Exception {
        String xml = DomainXml.write(NewDomain.builder(RealLibvirt.uniqueName("console")).virtType("qemu")
                .memoryMiB(64).build());
        DomainRecord domain = started(xml);
        String live = connection.domain(domain.uuid()).orElseThrow().xml();
        List<Graphics> graphics = Graphics.of(live);
        assertEquals(Graphics.Listen.SOCKET, graphics.get(0).listen(), live);
        assertTrue(graphics.get(0).socket().isPresent(), live);
        assertTrue(graphics.get(0).port().isEmpty(), "no TCP port in the live graphics: " + live);

        try (ConsoleStream console = ConsoleOpener.open(connection, domain.uuid())) {
            assertTrue(console.route().contains("no network port"), console.route());
            assertEquals("RFB 003.008\n", greeting(console.input()));
            assertEquals(Optional.empty(), console.password());
        }
    }

    @Test
    void closingTheConsoleWakesAReaderBlockedOnIt() throws Exception {
        String xml = DomainXml.write(NewDomain.builder(RealLibvirt.uniqueName("console-close")).virtType("qemu")
                .memoryMiB(64).build());
        DomainRecord domain = started(xml);
        ConsoleStream console = connection.openGraphics(domain.uuid(), 0);
        greeting(console.input());
        // The server says nothing more until the client answers: this read blocks.
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return console.input().read(new byte[16], 0, 16);
            } catch (IOException e) {
                return -2;
            }
        });
        Thread.sleep(200);
        console.close();
        assertEquals(-1, read.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aLoopbackTcpListenerWithAPasswordHandsThePasswordToTheConsole() throws Exception {
        String name = RealLibvirt.uniqueName("console-tcp");
        DomainRecord domain = started(RealLibvirt.qemuDomain(name,
                "<graphics type='vnc' port='-1' autoport='yes' passwd='s3cret'><listen type='address' address='127.0.0.1'/></graphics>",
                ""));
        var tcp = org.bulkhead.model.console.ConsoleRoutes.choose(name, connection.domain(domain.uuid()).orElseThrow().state(),
                connection.domain(domain.uuid()).orElseThrow().xml(), true, connection.uri());
        var fallback = ((org.bulkhead.model.console.ConsoleRoute.ThroughLibvirt) tcp).fallback().orElseThrow();
        assertEquals("127.0.0.1", fallback.address());
        assertEquals(Optional.of("s3cret"), connection.graphicsPassword(domain.uuid(), 0));
        // Through libvirt the password is skipped; the loopback route offers it to the server.
        try (ConsoleStream console = ConsoleOpener.open(connection, domain.uuid())) {
            assertTrue(console.route().contains("no network port"), console.route());
        }
    }

    private static String greeting(InputStream input) throws IOException {
        byte[] version = input.readNBytes(12);
        return new String(version, StandardCharsets.US_ASCII);
    }
}
