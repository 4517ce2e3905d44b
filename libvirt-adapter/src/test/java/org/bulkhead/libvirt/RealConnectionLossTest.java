package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bulkhead.model.hypervisor.ConnectionState;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.session.DomainInspector;
import org.bulkhead.model.session.ConnectionSession;
import org.bulkhead.model.store.ConnectionStatus;
import org.bulkhead.model.store.DomainStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A connection whose line to the daemon breaks reports LOST, and its calls say so; a session
 * reconnects soon after the daemon answers again. A proxy plays the daemon going away.
 */
@Tag("real-libvirt")
class RealConnectionLossTest {

    private static final Path DAEMON_SOCKET = Path.of("/run/libvirt/libvirt-sock");

    private volatile String lostOn;

    @Test
    void aBrokenLineMakesTheConnectionLostAndCallsSayReconnect() throws Exception {
        try (LibvirtConnection local = RealLibvirt.open()) {
            RealLibvirt.requireLocalRoot(local);
        }
        BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
        try (SocketProxy proxy = new SocketProxy(DAEMON_SOCKET);
             LibvirtConnection connection = new LibvirtHypervisor().open(
                     "qemu+tcp://127.0.0.1:" + proxy.port() + "/system")) {
            connection.onStateChange(state -> {
                lostOn = Thread.currentThread().getName();
                states.add(state);
            });
            connection.listDomains();
            assertEquals(ConnectionState.OPEN, connection.state());

            proxy.cut();

            assertEquals(ConnectionState.LOST, states.poll(30, TimeUnit.SECONDS), "LOST is reported");
            assertEquals(EventLoop.THREAD_NAME, lostOn, "noticed by libvirt's close callback, not by a call");
            assertEquals(ConnectionState.LOST, connection.state());
            HypervisorException e = assertThrows(HypervisorException.class, connection::listDomains);
            assertTrue(e.hint().contains("reconnect"), e.userMessage());

            connection.close();
            assertEquals(ConnectionState.CLOSED, states.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aSessionReconnectsWithinTwoSecondsOfTheLocalDaemonAnsweringAgain() throws Exception {
        try (LibvirtConnection local = RealLibvirt.open()) {
            RealLibvirt.requireLocalRoot(local);
        }
        Path dir = Files.createTempDirectory("bulkhead-test-proxy");
        Path socket = dir.resolve("libvirt-sock");
        String uri = "qemu+unix:///system?socket=" + socket;
        DomainStore store = new DomainStore(Runnable::run);
        DomainInspector inspector = new DomainInspector(Optional.empty());
        try (SocketProxy daemon = SocketProxy.unix(socket, DAEMON_SOCKET)) {
            ConnectionSession session = new ConnectionSession(new LibvirtHypervisor(), uri, store,
                    inspector::probeHost, inspector);
            try {
                session.open();
                await(() -> store.status(uri) == ConnectionStatus.OPEN, "the session connects", 30_000);

                daemon.stopListening();
                await(() -> store.status(uri) == ConnectionStatus.LOST, "the loss shows", 30_000);
                Thread.sleep(3_500); // a doubling backoff would now wait 4 s between attempts
                daemon.listen();
                long back = System.nanoTime();
                await(() -> store.status(uri) == ConnectionStatus.OPEN, "the session reconnects", 30_000);
                long millis = (System.nanoTime() - back) / 1_000_000;
                assertTrue(millis < 2_000, "reconnected " + millis + " ms after the daemon answered again");
            } finally {
                session.close();
            }
        } finally {
            RealLibvirt.deleteTree(dir);
        }
    }

    private static void await(BooleanSupplier condition, String what, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
