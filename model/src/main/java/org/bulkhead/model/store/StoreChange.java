package org.bulkhead.model.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything that changed since the last notification, merged: the newest snapshot of each
 * upserted domain, the keys of removed domains, and connections whose status changed.
 * A domain appears in at most one of {@code upserted} and {@code removed}.
 */
public record StoreChange(List<DomainSnapshot> upserted, Set<DomainKey> removed,
        Map<String, ConnectionStatus> connections) {

    public StoreChange {
        upserted = List.copyOf(upserted);
        removed = Set.copyOf(removed);
        connections = Map.copyOf(connections);
    }

    public boolean isEmpty() {
        return upserted.isEmpty() && removed.isEmpty() && connections.isEmpty();
    }
}
