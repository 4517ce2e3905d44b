package org.bulkhead.app.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bulkhead.model.hypervisor.ConnectionState;
import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.testing.InMemoryHypervisor;
import org.junit.jupiter.api.Test;

/**
 * The window's connections start opening before the window asks: its sessions get those
 * connections (or the error opening them met), and any other open is an ordinary one.
 */
class OpenedAheadTest {

    private static final String URI = InMemoryHypervisor.URI;

    /** Opens on the in-memory hypervisor once {@code gate} opens, noting which thread opened. */
    private static final class Gated implements Hypervisor {
        final InMemoryHypervisor real = new InMemoryHypervisor();
        final CountDownLatch gate = new CountDownLatch(1);
        final List<String> openedOn = new CopyOnWriteArrayList<>();

        @Override
        public HypervisorConnection open(String uri) {
            try {
                assertTrue(gate.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            openedOn.add(Thread.currentThread().getName());
            return real.open(uri);
        }
    }

    @Test
    void theFirstOpenTakesTheConnectionOpenedAheadAndLaterOnesOpenAnew() {
        Gated hypervisor = new Gated();
        OpenedAhead ahead = new OpenedAhead(hypervisor);

        ahead.start(List.of(URI));
        assertEquals(List.of(), hypervisor.openedOn, "start does not wait for the connection");
        hypervisor.gate.countDown();
        HypervisorConnection first = ahead.open(URI);

        assertEquals(1, hypervisor.openedOn.size());
        assertTrue(hypervisor.openedOn.get(0).startsWith("libvirt open ahead"), hypervisor.openedOn.toString());
        HypervisorConnection second = ahead.open(URI);
        assertNotSame(first, second, "a reconnect opens a new connection");
        assertEquals(Thread.currentThread().getName(), hypervisor.openedOn.get(1));
    }

    @Test
    void aConnectionThatFailedAheadFailsTheSessionWithItsOwnError() {
        InMemoryHypervisor down = new InMemoryHypervisor();
        down.killDaemon();
        OpenedAhead ahead = new OpenedAhead(down);
        ahead.start(List.of(URI));

        HypervisorException failure = assertThrows(HypervisorException.class, () -> ahead.open(URI));
        assertTrue(failure.getMessage().contains("the daemon is down"), failure.getMessage());
    }

    @Test
    void aConnectionNobodyTookIsClosed() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        InMemoryHypervisor real = new InMemoryHypervisor();
        // The connection opened ahead says when it is closed (on the opening thread, once opened).
        Hypervisor noticing = uri -> {
            HypervisorConnection connection = real.open(uri);
            return (HypervisorConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HypervisorConnection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            closed.countDown();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
        OpenedAhead ahead = new OpenedAhead(noticing);
        ahead.start(List.of(URI));

        ahead.closeUnclaimed();
        assertTrue(closed.await(10, TimeUnit.SECONDS), "the untaken connection is closed");
        assertEquals(ConnectionState.OPEN, ahead.open(URI).state(), "an open after the clean-up is an ordinary one");
    }

    @Test
    void aUriNotOpenedAheadIsOpenedByItsCaller() {
        Gated hypervisor = new Gated();
        hypervisor.gate.countDown();
        OpenedAhead ahead = new OpenedAhead(hypervisor);
        HypervisorConnection connection = ahead.open(URI);
        assertSame(ConnectionState.OPEN, connection.state());
        assertEquals(List.of(Thread.currentThread().getName()), hypervisor.openedOn);
    }
}
