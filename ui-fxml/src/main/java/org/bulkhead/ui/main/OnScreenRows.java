package org.bulkhead.ui.main;

import java.util.List;
import java.util.function.Consumer;

import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Which rows a table shows, reported after each layout pass that changed them (a scroll, a
 * resize, a sort, a filter, rows added): what the window samples statistics for and inspects first.
 */
final class OnScreenRows {

    private final TableView<DomainRow> table;
    private final Consumer<List<DomainRow>> report;
    private List<DomainRow> last = List.of();

    private OnScreenRows(TableView<DomainRow> table, Consumer<List<DomainRow>> report) {
        this.table = table;
        this.report = report;
    }

    static void watch(Scene scene, TableView<DomainRow> table, Consumer<List<DomainRow>> report) {
        OnScreenRows rows = new OnScreenRows(table, report);
        scene.addPostLayoutPulseListener(rows::afterLayout);
    }

    private void afterLayout() {
        List<DomainRow> now = shown();
        // Rows compare by identity: the same rows in the same places report nothing.
        if (!now.equals(last)) {
            last = now;
            report.accept(now);
        }
    }

    private List<DomainRow> shown() {
        if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return List.of();
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> lastCell = flow.getLastVisibleCell();
        List<DomainRow> items = table.getItems();
        if (first == null || lastCell == null || items.isEmpty()) {
            return List.of();
        }
        int from = Math.max(0, first.getIndex());
        int to = Math.min(items.size(), lastCell.getIndex() + 1);
        return from >= to ? List.of() : List.copyOf(items.subList(from, to));
    }
}
