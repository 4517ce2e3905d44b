package org.bulkhead.ui.main;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import org.bulkhead.model.audit.DenialTrails;
import org.bulkhead.model.store.ConnectionStatus;
import org.bulkhead.model.store.DomainKey;
import org.bulkhead.model.store.DomainSnapshot;
import org.bulkhead.model.store.StoreChange;

/**
 * The rows of the main table, kept by key. A store change is applied as a delta: new rows are
 * added in one batch, removed rows in one batch, changed rows update in place. Filtering and
 * sorting are views over the same rows.
 */
public final class DomainTable {

    private final Map<DomainKey, DomainRow> rows = new HashMap<>();
    /** Each connection's trails as last read, for rows that appear after the reading. */
    private final Map<String, DenialTrails> denials = new HashMap<>();
    // No extractor: apply() reports each store change's changed rows as one update, so filter and
    // sort follow them with one pass, not one full sort per row.
    private final RowList source = new RowList();
    private final FilteredList<DomainRow> filtered = new FilteredList<>(source);
    private final SortedList<DomainRow> sorted = new SortedList<>(filtered, DomainOrder.DEFAULT);
    private final ObjectProperty<Comparator<? super DomainRow>> order =
            new SimpleObjectProperty<>(this, "order", DomainOrder.DEFAULT);

    public DomainTable() {
        order.addListener((obs, old, now) -> sorted.setComparator(now == null ? DomainOrder.DEFAULT : now));
    }

    /** The rows to show: filtered and sorted. */
    public SortedList<DomainRow> visibleRows() {
        return sorted;
    }

    /** The sort order; the view binds it to the columns the user clicked, null for the default. */
    public ObjectProperty<Comparator<? super DomainRow>> orderProperty() {
        return order;
    }

    public void setFilter(DomainFilter filter) {
        filtered.setPredicate(filter.isEmpty() ? null : filter);
    }

    public int size() {
        return rows.size();
    }

    public Optional<DomainRow> row(DomainKey key) {
        return Optional.ofNullable(rows.get(key));
    }

    /**
     * Applies one coalesced store change.
     *
     * @param connection the status of each connection the window shows; empty for connections it
     *                   no longer shows, whose late updates are dropped
     */
    void apply(StoreChange change, Function<String, Optional<ConnectionStatus>> connection) {
        if (!change.removed().isEmpty()) {
            Set<DomainRow> gone = Collections.newSetFromMap(new IdentityHashMap<>());
            for (DomainKey key : change.removed()) {
                DomainRow row = rows.remove(key);
                if (row != null) {
                    row.markRemoved();
                    gone.add(row);
                }
            }
            source.removeAll(gone);
        }
        List<DomainRow> added = new ArrayList<>();
        List<DomainRow> changed = new ArrayList<>();
        boolean renamed = false;
        for (DomainSnapshot snapshot : change.upserted()) {
            Optional<ConnectionStatus> status = connection.apply(snapshot.connectionUri());
            if (status.isEmpty()) {
                continue;
            }
            DomainRow row = rows.get(snapshot.key());
            if (row == null) {
                row = new DomainRow(snapshot);
                row.setStale(status.get() != ConnectionStatus.OPEN);
                Optional.ofNullable(denials.get(snapshot.connectionUri())).ifPresent(row::setDenials);
                rows.put(snapshot.key(), row);
                added.add(row);
            } else {
                String before = row.name();
                if (row.update(snapshot)) {
                    changed.add(row);
                    renamed |= !before.equals(row.name());
                }
            }
        }
        if (!added.isEmpty()) {
            source.addAll(added);
        }
        if (renamed || !inDefaultOrderUnfiltered()) {
            source.updated(changed);
        }
    }

    /**
     * In the default order (connection, name) with no filter, only a new name can move a row, so a
     * change of state or label needs no list event: the cells follow the row's own properties.
     */
    private boolean inDefaultOrderUnfiltered() {
        return sorted.getComparator() == DomainOrder.DEFAULT && filtered.getPredicate() == null;
    }

    /** Marks every row of a connection stale (connection lost) or fresh again. */
    void markStale(String connectionUri, boolean stale) {
        rows.values().stream().filter(row -> row.connectionUri().equals(connectionUri))
                .forEach(row -> row.setStale(stale));
    }

    /** A connection's new denial trails: each of its rows takes its own count. */
    void applyDenials(String connectionUri, DenialTrails trails) {
        denials.put(connectionUri, trails);
        rows.values().stream().filter(row -> row.connectionUri().equals(connectionUri))
                .forEach(row -> row.setDenials(trails));
    }

    /** Drops what was kept for a connection the window no longer shows. */
    void forget(String connectionUri) {
        denials.remove(connectionUri);
    }

    void applyUsage(Map<DomainKey, UsageHistory.Usage> usage) {
        usage.forEach((key, value) -> {
            DomainRow row = rows.get(key);
            if (row != null) {
                row.setUsage(value.cpu(), value.memory());
            }
        });
    }

}
