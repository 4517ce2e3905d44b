package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bulkhead.model.hypervisor.ConnectionState;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A connection whose line to the daemon breaks reports LOST, and its calls say so. */
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
}
