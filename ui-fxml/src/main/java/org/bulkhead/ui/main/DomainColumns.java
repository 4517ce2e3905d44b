package org.bulkhead.ui.main;

import java.util.Comparator;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.isolation.DomainEnforcement;
import org.bulkhead.model.security.Trust;
import org.bulkhead.ui.common.LabelText;
import org.bulkhead.ui.common.TrustMarkerCell;

/**
 * What each column of the domain table shows, how it draws and how it sorts. The columns
 * themselves (order, titles, widths) are declared in MainWindow.fxml and found by their fx:id.
 */
final class DomainColumns {

    private DomainColumns() {
    }

    static void configure(TableView<DomainRow> table) {
        TableColumn<DomainRow, Trust> trust = column(table, "trustColumn");
        trust.setCellValueFactory(cell -> cell.getValue().trustProperty());
        trust.setCellFactory(column -> new TrustMarkerCell<>());
        trust.setComparator(DomainOrder.TRUST);
        TableColumn<DomainRow, String> name = column(table, "nameColumn");
        name.setCellValueFactory(cell -> cell.getValue().nameProperty());
        name.setCellFactory(column -> new DomainCells.FullText());
        name.setComparator(DomainOrder.NAME);
        TableColumn<DomainRow, DomainState> state = column(table, "stateColumn");
        state.setCellValueFactory(cell -> cell.getValue().stateProperty());
        state.setCellFactory(column -> new DomainCells.State());
        state.setComparator(DomainOrder.STATE);
        TableColumn<DomainRow, String> model = column(table, "modelColumn");
        model.setCellValueFactory(cell -> cell.getValue().modelProperty());
        model.setCellFactory(column -> new DomainCells.FullText());
        TableColumn<DomainRow, LabelText> label = column(table, "labelColumn");
        label.setCellValueFactory(cell -> cell.getValue().labelProperty());
        label.setCellFactory(column -> new DomainCells.SecurityLabel());
        label.setComparator(DomainOrder.LABEL);
        TableColumn<DomainRow, DomainEnforcement> enforcing = column(table, "enforcingColumn");
        enforcing.setCellValueFactory(cell -> cell.getValue().domainEnforcementProperty());
        enforcing.setCellFactory(column -> new DomainCells.Enforcement());
        TableColumn<DomainRow, DenialCount> denials = column(table, "denialsColumn");
        denials.setCellValueFactory(cell -> cell.getValue().denialCountProperty());
        denials.setCellFactory(column -> new DomainCells.Denials());
        denials.setComparator(Comparator.comparingLong(DenialCount::total));
        // The usage cells watch their row's series themselves: a cell value that changes makes a
        // TableCell ask for a layout, and the table then re-lays out and re-styles the whole row.
        TableColumn<DomainRow, DomainRow> cpu = column(table, "cpuColumn");
        cpu.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        cpu.setCellFactory(column -> new DomainCells.Usage(DomainRow::cpuProperty));
        cpu.setComparator(DomainOrder.CPU);
        TableColumn<DomainRow, DomainRow> memory = column(table, "memoryColumn");
        memory.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        memory.setCellFactory(column -> new DomainCells.Usage(DomainRow::memoryProperty));
        memory.setComparator(DomainOrder.MEMORY);
        TableColumn<DomainRow, String> connection = column(table, "connectionColumn");
        connection.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().connectionUri())
                .getReadOnlyProperty());
        connection.setCellFactory(column -> new DomainCells.FullText());
    }

    @SuppressWarnings("unchecked") // the FXML declares each column for the type its cells show
    private static <T> TableColumn<DomainRow, T> column(TableView<DomainRow> table, String id) {
        return (TableColumn<DomainRow, T>) table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("MainWindow.fxml has no column " + id));
    }
}
