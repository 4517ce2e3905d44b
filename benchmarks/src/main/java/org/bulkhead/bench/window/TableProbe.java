package org.bulkhead.bench.window;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.ui.main.DomainRow;

/**
 * Watches the main window's table from outside, through public API only: which rows are on
 * screen, and when a row's new state reaches the row model and then a laid-out frame. "Frame"
 * is the first pulse, after the row changed, whose layout pass leaves the State cell showing
 * the new state (a post-layout pulse listener); rendering follows on the render thread.
 * Everything here runs on the FX thread.
 */
final class TableProbe {

    private final TableView<DomainRow> table;
    private final TableColumn<DomainRow, ?> stateColumn;
    private Watch active;
    private long pulses;

    /** A row that should reach {@code target}; completes with {model nanos, frame nanos}. */
    private final class Watch {
        final DomainRow row;
        final DomainState target;
        final boolean needFrame;
        final CompletableFuture<long[]> done = new CompletableFuture<>();
        final ChangeListener<DomainState> listener;
        long modelNanos = -1;

        Watch(DomainRow row, DomainState target, boolean needFrame) {
            this.row = row;
            this.target = target;
            this.needFrame = needFrame;
            this.listener = (obs, old, now) -> {
                if (now == target && modelNanos < 0) {
                    modelNanos = System.nanoTime();
                    if (!needFrame) {
                        finish(-1);
                    }
                }
            };
            row.stateProperty().addListener(listener);
        }

        void finish(long frameNanos) {
            row.stateProperty().removeListener(listener);
            active = null;
            done.complete(new long[] {modelNanos, frameNanos});
        }
    }

    @SuppressWarnings("unchecked")
    TableProbe(Scene scene, Node root) {
        Node node = root.lookup("#domainTable");
        if (!(node instanceof TableView<?> found)) {
            throw new IllegalStateException("the main window has no #domainTable; did MainWindow.fxml change?");
        }
        this.table = (TableView<DomainRow>) found;
        this.stateColumn = table.getColumns().stream().filter(c -> "State".equals(c.getText())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the domain table has no \"State\" column"));
        scene.addPostLayoutPulseListener(this::afterLayout);
    }

    TableView<DomainRow> table() {
        return table;
    }

    /** Pulses that ran a layout pass since the probe was installed. */
    long pulses() {
        return pulses;
    }

    private void afterLayout() {
        pulses++;
        Watch watch = active;
        if (watch != null && watch.needFrame && watch.modelNanos >= 0 && stateCellShows(watch.row, watch.target)) {
            watch.finish(System.nanoTime());
        }
    }

    /** Rows with a domain in them that the viewport shows now. */
    List<DomainRow> visibleRows() {
        List<DomainRow> rows = new ArrayList<>();
        for (Node node : table.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.isVisible() && row.getItem() instanceof DomainRow item
                    && !row.isEmpty()) {
                rows.add(item);
            }
        }
        return rows;
    }

    /** Starts watching; call before causing the event. */
    CompletableFuture<long[]> watch(DomainRow row, DomainState target, boolean needFrame) {
        if (active != null) {
            throw new IllegalStateException("one watch at a time");
        }
        Watch watch = new Watch(row, target, needFrame);
        active = watch;
        return watch.done;
    }

    /** Gives up on the current watch (the event never arrived). */
    void cancel() {
        if (active != null) {
            active.row.stateProperty().removeListener(active.listener);
            active = null;
        }
    }

    private boolean stateCellShows(DomainRow domain, DomainState state) {
        // VirtualFlow keeps invisible helper rows too (for measuring); only a shown row counts.
        for (Node node : table.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.getItem() == domain && row.isVisible()) {
                for (Node child : row.getChildrenUnmodifiable()) {
                    if (child instanceof TableCell<?, ?> cell && cell.getTableColumn() == stateColumn
                            && cell.getText() != null && cell.getText().startsWith(state.label())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
