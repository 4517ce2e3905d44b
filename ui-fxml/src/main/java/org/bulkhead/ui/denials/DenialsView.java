package org.bulkhead.ui.denials;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import org.bulkhead.ui.common.Views;

/** The Denials tab's content: a status line (count, or why the log is unreadable) over the trail, kept current. */
public final class DenialsView {

    @FXML private VBox root;
    @FXML private Label status;
    @FXML private TableView<DenialsViewModel.DenialRow> table;
    @FXML private TableColumn<DenialsViewModel.DenialRow, String> time;
    @FXML private TableColumn<DenialsViewModel.DenialRow, String> action;
    @FXML private TableColumn<DenialsViewModel.DenialRow, String> target;
    @FXML private TableColumn<DenialsViewModel.DenialRow, String> outcome;
    @FXML private TableColumn<DenialsViewModel.DenialRow, String> explanation;

    private final DenialsViewModel viewModel;

    public DenialsView(DenialsViewModel viewModel) {
        this.viewModel = viewModel;
        Views.load(this, "Denials.fxml");
    }

    public VBox root() {
        return root;
    }

    public DenialsViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        root.getProperties().put(DenialsView.class, this); // the tab finds its view again from its content
        status.textProperty().bind(viewModel.statusProperty());
        table.setItems(viewModel.rows());
        column(time, DenialsViewModel.DenialRow::time);
        column(action, DenialsViewModel.DenialRow::action);
        column(target, DenialsViewModel.DenialRow::target);
        column(outcome, DenialsViewModel.DenialRow::outcome);
        column(explanation, DenialsViewModel.DenialRow::explanation);
        table.placeholderProperty().bind(viewModel.statusProperty().map(Label::new));
    }

    private static void column(TableColumn<DenialsViewModel.DenialRow, String> column,
            Function<DenialsViewModel.DenialRow, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        column.setCellFactory(c -> new TableCell<>() {
            private final Tooltip tooltip = new Tooltip();

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                tooltip.setText(text);
                setTooltip(empty || text == null || text.isEmpty() ? null : tooltip);
            }
        });
    }
}
