package org.bulkhead.ui.main;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import javafx.collections.ModifiableObservableListBase;

/**
 * The table's rows in arrival order, the list its filter and sort are views of. It watches no row
 * property: a row that changes is reported with {@link #updated}, once per batch. The sorted view
 * re-sorts all rows for every update range it is told of, so a store change of 256 inspected rows
 * must arrive as one range, not 256 (which an extractor watching each row would fire).
 */
final class RowList extends ModifiableObservableListBase<DomainRow> {

    private final List<DomainRow> rows = new ArrayList<>();

    /**
     * Tells the views that these rows changed, as one update of the range from the first of them
     * to the last: one range is one sort; the unchanged rows between are merely re-tested.
     */
    void updated(Collection<DomainRow> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Set<DomainRow> wanted = Collections.newSetFromMap(new IdentityHashMap<>(changed.size() * 2));
        wanted.addAll(changed);
        int first = -1;
        int last = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (wanted.contains(rows.get(i))) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return;
        }
        beginChange();
        for (int i = first; i <= last; i++) {
            nextUpdate(i);
        }
        endChange();
    }

    @Override
    public DomainRow get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    protected void doAdd(int index, DomainRow element) {
        rows.add(index, element);
    }

    @Override
    protected DomainRow doSet(int index, DomainRow element) {
        return rows.set(index, element);
    }

    @Override
    protected DomainRow doRemove(int index) {
        return rows.remove(index);
    }
}
