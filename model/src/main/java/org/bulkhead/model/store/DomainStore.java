package org.bulkhead.model.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Immutable snapshots of every connection's domains. Adapters feed it from any thread; listeners
 * are notified on the injected executor ({@code Platform::runLater} in the app, a same-thread
 * executor in tests). Changes are coalesced: however many updates arrive before the executor
 * runs the pending notification, listeners see one merged {@link StoreChange}.
 */
public final class DomainStore {

    private final Executor notifier;
    private final Map<DomainKey, DomainSnapshot> domains = new ConcurrentHashMap<>();
    private final Map<String, ConnectionStatus> statuses = new ConcurrentHashMap<>();
    private final List<Consumer<StoreChange>> listeners = new CopyOnWriteArrayList<>();

    // The pending, not yet delivered change; guarded by "this".
    private Map<DomainKey, DomainSnapshot> pendingUpserts = new LinkedHashMap<>();
    private Set<DomainKey> pendingRemovals = new LinkedHashSet<>();
    private Map<String, ConnectionStatus> pendingStatuses = new LinkedHashMap<>();
    private boolean flushScheduled;
    // Each connection's domains as last listed by domains(uri), until one of them changes; guarded by "this".
    private final Map<String, List<DomainSnapshot>> listed = new HashMap<>();

    public DomainStore(Executor notifier) {
        this.notifier = Objects.requireNonNull(notifier, "notifier");
    }

    /** Replaces everything known about one connection, as after a full resync. */
    public void replaceAll(String connectionUri, Collection<DomainSnapshot> snapshots) {
        Set<DomainKey> incoming = new LinkedHashSet<>();
        for (DomainSnapshot snapshot : snapshots) {
            requireUri(connectionUri, snapshot);
            incoming.add(snapshot.key());
        }
        List<DomainKey> gone = domains.keySet().stream()
                .filter(key -> key.connectionUri().equals(connectionUri) && !incoming.contains(key))
                .toList();
        synchronized (this) {
            gone.forEach(this::removeLocked);
            snapshots.forEach(this::upsertLocked);
            scheduleFlushLocked();
        }
    }

    public void upsert(DomainSnapshot snapshot) {
        synchronized (this) {
            upsertLocked(snapshot);
            scheduleFlushLocked();
        }
    }

    public void remove(DomainKey key) {
        synchronized (this) {
            removeLocked(key);
            scheduleFlushLocked();
        }
    }

    /** Records a connection's status; LOST marks its domains stale for the views. */
    public void setStatus(String connectionUri, ConnectionStatus status) {
        synchronized (this) {
            if (statuses.put(connectionUri, status) != status) {
                pendingStatuses.put(connectionUri, status);
                scheduleFlushLocked();
            }
        }
    }

    /** Forgets a connection and its domains, as when the user removes it. */
    public void forget(String connectionUri) {
        synchronized (this) {
            domains.keySet().stream().filter(key -> key.connectionUri().equals(connectionUri))
                    .toList().forEach(this::removeLocked);
            statuses.remove(connectionUri);
            pendingStatuses.put(connectionUri, ConnectionStatus.CLOSED);
            scheduleFlushLocked();
        }
    }

    public ConnectionStatus status(String connectionUri) {
        return statuses.getOrDefault(connectionUri, ConnectionStatus.CLOSED);
    }

    public java.util.Optional<DomainSnapshot> get(DomainKey key) {
        return java.util.Optional.ofNullable(domains.get(key));
    }

    /**
     * The current domains of one connection, in no particular order: the very same list until one
     * of them changes, so a caller that asks every few seconds does not walk every domain of every
     * connection each time to find nothing new.
     */
    public synchronized List<DomainSnapshot> domains(String connectionUri) {
        return listed.computeIfAbsent(connectionUri, uri ->
                domains.values().stream().filter(d -> d.connectionUri().equals(uri)).toList());
    }

    /** Every known domain of every connection, in no particular order. */
    public List<DomainSnapshot> all() {
        return List.copyOf(domains.values());
    }

    public Map<String, ConnectionStatus> statuses() {
        return Map.copyOf(statuses);
    }

    /** Registers a listener; close the returned handle to unregister. */
    public AutoCloseable addListener(Consumer<StoreChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void upsertLocked(DomainSnapshot snapshot) {
        domains.put(snapshot.key(), snapshot);
        listed.remove(snapshot.connectionUri());
        pendingRemovals.remove(snapshot.key());
        pendingUpserts.put(snapshot.key(), snapshot);
    }

    private void removeLocked(DomainKey key) {
        listed.remove(key.connectionUri());
        if (domains.remove(key) != null || pendingUpserts.containsKey(key)) {
            pendingUpserts.remove(key);
            pendingRemovals.add(key);
        }
    }

    private void scheduleFlushLocked() {
        if (!flushScheduled && !(pendingUpserts.isEmpty() && pendingRemovals.isEmpty() && pendingStatuses.isEmpty())) {
            flushScheduled = true;
            notifier.execute(this::flush);
        }
    }

    private void flush() {
        StoreChange change;
        synchronized (this) {
            change = new StoreChange(new ArrayList<>(pendingUpserts.values()), pendingRemovals,
                    new HashMap<>(pendingStatuses));
            pendingUpserts = new LinkedHashMap<>();
            pendingRemovals = new LinkedHashSet<>();
            pendingStatuses = new LinkedHashMap<>();
            flushScheduled = false;
        }
        if (!change.isEmpty()) {
            listeners.forEach(listener -> listener.accept(change));
        }
    }

    private static void requireUri(String connectionUri, DomainSnapshot snapshot) {
        if (!snapshot.connectionUri().equals(connectionUri)) {
            throw new IllegalArgumentException("snapshot of " + snapshot.name() + " belongs to "
                    + snapshot.connectionUri() + ", not " + connectionUri);
        }
    }
}
