package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bulkhead.model.hypervisor.ConnectionState;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.junit.jupiter.api.Test;

/** Opening, sharing between threads and closing a connection. */
class ConnectionLifecycleTest {

    @Test
    void closingTwiceIsHarmlessAndLaterCallsSayTheConnectionIsClosed() throws Exception {
        LibvirtConnection connection = new LibvirtHypervisor().open("test:///default");
        List<ConnectionState> seen = new ArrayList<>();
        connection.onStateChange(seen::add);
        connection.subscribe(event -> { });
        assertEquals(ConnectionState.OPEN, connection.state());

        connection.close();
        connection.close();

        assertEquals(ConnectionState.CLOSED, connection.state());
        assertEquals(List.of(ConnectionState.CLOSED), seen);
        HypervisorException e = assertThrows(HypervisorException.class, connection::listDomains);
        assertEquals("Could not list the domains on test:///default: the connection to test:///default is closed",
                e.getMessage());
    }

    @Test
    void oneConnectionServesManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (LibvirtConnection connection = new LibvirtHypervisor().open("test:///default")) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    if (n % 2 == 0) {
                        return connection.listDomains().size();
                    }
                    return connection.sampleStats().size();
                }));
            }
            for (Future<Integer> result : results) {
                assertTrue(result.get() >= 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
