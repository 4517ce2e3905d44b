package org.bulkhead.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.session.DomainInspector;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.testing.InMemoryHypervisor;

/** The store coalesces bursts into one notification and keeps each connection's domains apart. */
class DomainStoreTest {

    private static final String URI = "test:///default";
    private final Queue<Runnable> uiQueue = new ArrayDeque<>();
    private final DomainStore store = new DomainStore(uiQueue::add);
    private final List<StoreChange> changes = new ArrayList<>();
    private final DomainInspector inspector = new DomainInspector(Optional.empty());

    private DomainSnapshot snapshot(String uri, String uuid, String name, DomainState state) {
        DomainRecord record = new DomainRecord(uuid, name, state, "<domain type='test'><name>" + name
                + "</name><uuid>" + uuid + "</uuid></domain>");
        HostContext host = inspector.probeHost(new InMemoryHypervisor().open(uri));
        return inspector.snapshot(host, record);
    }

    @Test
    void aBurstOfUpdatesReachesListenersAsOneChangeWithTheLatestState() {
        store.addListener(changes::add);
        store.upsert(snapshot(URI, "u1", "one", DomainState.SHUT_OFF));
        store.upsert(snapshot(URI, "u1", "one", DomainState.RUNNING));
        store.upsert(snapshot(URI, "u2", "two", DomainState.RUNNING));
        store.remove(new DomainKey(URI, "u2"));
        assertEquals(1, uiQueue.size(), "one notification is scheduled for the whole burst");
        uiQueue.poll().run();

        assertEquals(1, changes.size());
        StoreChange change = changes.get(0);
        assertEquals(1, change.upserted().size());
        assertEquals(DomainState.RUNNING, change.upserted().get(0).state());
        assertEquals(Set.of(new DomainKey(URI, "u2")), change.removed());
    }

    @Test
    void aResyncReplacesOneConnectionsDomainsAndLeavesOthersAlone() {
        store.upsert(snapshot(URI, "u1", "one", DomainState.RUNNING));
        store.upsert(snapshot("qemu:///system", "u9", "other", DomainState.RUNNING));
        store.replaceAll(URI, List.of(snapshot(URI, "u3", "three", DomainState.PAUSED)));
        assertEquals(List.of("three"), store.domains(URI).stream().map(DomainSnapshot::name).toList());
        assertEquals(List.of("other"), store.domains("qemu:///system").stream().map(DomainSnapshot::name).toList());
        assertThrows(IllegalArgumentException.class,
                () -> store.replaceAll(URI, List.of(snapshot("qemu:///system", "u4", "x", DomainState.RUNNING))));
    }

    @Test
    void forgettingAConnectionDropsItsRowsAndSaysClosed() {
        store.addListener(changes::add);
        store.upsert(snapshot(URI, "u1", "one", DomainState.RUNNING));
        store.setStatus(URI, ConnectionStatus.LOST);
        store.forget(URI);
        uiQueue.forEach(Runnable::run);
        assertTrue(store.domains(URI).isEmpty());
        assertEquals(ConnectionStatus.CLOSED, store.status(URI));
        StoreChange last = changes.get(changes.size() - 1);
        assertEquals(ConnectionStatus.CLOSED, last.connections().get(URI));
    }

    @Test
    void aConnectionsListIsTheSameUntilOneOfItsDomainsChanges() {
        store.upsert(snapshot(URI, "u1", "one", DomainState.RUNNING));
        List<DomainSnapshot> first = store.domains(URI);
        assertSame(first, store.domains(URI), "nothing changed: the same list, not a new walk of the store");
        store.upsert(snapshot("qemu:///system", "u9", "other", DomainState.RUNNING));
        assertSame(first, store.domains(URI), "another connection's change leaves this list alone");

        store.upsert(snapshot(URI, "u1", "one", DomainState.PAUSED));
        List<DomainSnapshot> paused = store.domains(URI);
        assertNotSame(first, paused);
        assertEquals(DomainState.PAUSED, paused.get(0).state());
        store.remove(new DomainKey(URI, "u1"));
        assertTrue(store.domains(URI).isEmpty(), "a removal shows too");
        store.upsert(snapshot(URI, "u2", "two", DomainState.RUNNING));
        store.forget(URI);
        assertTrue(store.domains(URI).isEmpty(), "and forgetting the connection");
    }
}
