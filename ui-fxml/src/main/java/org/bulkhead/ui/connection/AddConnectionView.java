package org.bulkhead.ui.connection;

import java.util.Optional;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.bulkhead.ui.common.Theme;
import org.bulkhead.ui.common.Views;

/** The "Add connection" dialog: a URI box with suggestions, checked as the user types. */
public final class AddConnectionView {

    public static final ButtonType CONNECT = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);

    @FXML private VBox root;
    @FXML private ComboBox<String> uri;
    @FXML private Label problem;
    @FXML private Label hint;

    private final AddConnectionViewModel viewModel;
    private final Dialog<String> dialog = new Dialog<>();

    public AddConnectionView(AddConnectionViewModel viewModel) {
        this.viewModel = viewModel;
        Views.load(this, "AddConnection.fxml");
    }

    @FXML
    private void initialize() {
        uri.getItems().setAll(AddConnectionViewModel.SUGGESTIONS);
        uri.getEditor().textProperty().bindBidirectional(viewModel.uriProperty());
        uri.setId("connection-uri");
        problem.textProperty().bind(viewModel.problemProperty());
        hint.textProperty().bind(viewModel.hintProperty());
        problem.setId("connection-uri-problem");
        for (Label label : new Label[] {problem, hint}) {
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
            label.managedProperty().bind(label.visibleProperty());
        }

        dialog.setTitle("Add connection");
        dialog.setHeaderText("Connect to a libvirt host");
        dialog.getDialogPane().setContent(root);
        dialog.getDialogPane().getButtonTypes().setAll(CONNECT, ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().add(
                AddConnectionView.class.getResource("add-connection.css").toExternalForm());
        Theme.apply(dialog.getDialogPane());
        Node connect = dialog.getDialogPane().lookupButton(CONNECT);
        connect.disableProperty().bind(viewModel.validProperty().not());
        dialog.setResultConverter(button -> button == CONNECT ? viewModel.result().orElse(null) : null);
    }

    /** Shows the dialog and waits for the user; the URI to open, if one was confirmed. */
    public Optional<String> showAndWait(Window owner) {
        if (owner != null && dialog.getOwner() == null) {
            dialog.initOwner(owner);
        }
        Platform.runLater(uri::requestFocus);
        return dialog.showAndWait();
    }

    public Dialog<String> dialog() {
        return dialog;
    }
}
