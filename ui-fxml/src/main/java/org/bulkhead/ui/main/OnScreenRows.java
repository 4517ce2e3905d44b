package org.bulkhead.ui.main;

import java.util.List;
import java.util.function.Consumer;

import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

import org.bulkhead.model.store.References;

/**
 * Which rows a table shows, reported after each layout pass that changed them (a scroll, a
 * resize, a sort, a filter, rows added): what the window samples statistics for and inspects first.
 */
final class OnScreenRows {

    private final TableView<DomainRow> table;
    private final Consumer<List<DomainRow>> report;
    private List<DomainRow> last = List.of();
    // The table skin's flow, found once per skin: this runs after every pulse's layout.
    private VirtualFlow<?> flow;

    private OnScreenRows(TableView<DomainRow> table, Consumer<List<DomainRow>> report) {
        this.table = table;
        this.report = report;
    }

    static void watch(Scene scene, TableView<DomainRow> table, Consumer<List<DomainRow>> report) {
        OnScreenRows rows = new OnScreenRows(table, report);
        table.skinProperty().addListener((obs, old, now) -> rows.flow = null);
        scene.addPostLayoutPulseListener(rows::afterLayout);
    }

    private void afterLayout() {
        List<DomainRow> now = shown();
        // Rows compare by identity: the same rows in the same places report nothing.
        if (now != last) {
            last = now;
            report.accept(now);
        }
    }

    private List<DomainRow> shown() {
        if (flow == null) {
            if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> found)) {
                return List.of();
            }
            flow = found;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> lastCell = flow.getLastVisibleCell();
        List<DomainRow> items = table.getItems();
        if (first == null || lastCell == null || items.isEmpty()) {
            return List.of();
        }
        int from = Math.max(0, first.getIndex());
        int to = Math.min(items.size(), lastCell.getIndex() + 1);
        if (from >= to) {
            return List.of();
        }
        List<DomainRow> shown = items.subList(from, to);
        // Most pulses show the rows the last one did: no copy for those.
        return References.sameElements(shown, last) ? last : List.copyOf(shown);
    }
}
