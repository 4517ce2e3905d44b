package org.bulkhead.ui.main;

import java.util.function.Consumer;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.bulkhead.model.host.HostEnforcement;
import org.bulkhead.model.store.ConnectionStatus;
import org.bulkhead.ui.common.TrustMarker;
import org.bulkhead.ui.common.Views;

/** One connection's header above the table: status, host, models and what the host enforces. */
final class ConnectionHeaderView {

    @FXML private VBox root;
    @FXML private Label status;
    @FXML private Label uri;
    @FXML private Label host;
    @FXML private Label security;
    @FXML private Label enforcement;
    @FXML private Label notes;
    @FXML private Label error;
    @FXML private Button forget;
    @FXML private HBox unsavedRow;
    @FXML private Button remember;

    private final ConnectionViewModel viewModel;
    private final Consumer<String> onForget;
    private final Consumer<String> onRemember;

    /**
     * @param onForget   "Close and forget" (asks first when it would leave nothing open)
     * @param onRemember "Remember anyway", for a connection that has not connected yet
     */
    ConnectionHeaderView(ConnectionViewModel viewModel, Consumer<String> onForget, Consumer<String> onRemember) {
        this.viewModel = viewModel;
        this.onForget = onForget;
        this.onRemember = onRemember;
        Views.load(this, "ConnectionHeader.fxml");
    }

    VBox root() {
        return root;
    }

    ConnectionViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        root.setId("connection-" + Integer.toHexString(viewModel.uri().hashCode()));
        uri.setText(viewModel.uri());
        host.textProperty().bind(viewModel.hostTextProperty().map(text -> text.isEmpty() ? "" : "Host: " + text));
        security.textProperty().bind(viewModel.securityTextProperty().map(text -> text.isEmpty() ? "" : "Security: " + text));
        hideWhenEmpty(host);
        hideWhenEmpty(security);
        hideWhenEmpty(notes);
        hideWhenEmpty(error);
        notes.textProperty().bind(viewModel.notesProperty());
        error.textProperty().bind(viewModel.errorProperty());
        viewModel.statusProperty().addListener((obs, old, now) -> showStatus(now));
        viewModel.statusTextProperty().addListener((obs, old, now) -> showStatus(viewModel.status()));
        showStatus(viewModel.status());
        viewModel.enforcementProperty().addListener((obs, old, now) -> showEnforcement(now));
        showEnforcement(viewModel.enforcementProperty().get());
        forget.setAccessibleText("Close and forget " + viewModel.uri());
        remember.setAccessibleText("Remember " + viewModel.uri() + " for the next run");
        // Offered only while the connection has not connected: once it does, it is saved anyway.
        unsavedRow.visibleProperty().bind(viewModel.unsavedProperty()
                .and(viewModel.statusProperty().isNotEqualTo(ConnectionStatus.OPEN)));
        unsavedRow.managedProperty().bind(unsavedRow.visibleProperty());
    }

    @FXML
    private void remember() {
        onRemember.accept(viewModel.uri());
    }

    private void showStatus(ConnectionStatus value) {
        String glyph = switch (value) {
            case OPEN -> "\u25CF";
            case CONNECTING -> "\u25CB";
            case LOST, CLOSED -> "\u2716";
        };
        status.setText(glyph + " " + viewModel.statusTextProperty().get());
        status.getStyleClass().removeAll("status-open", "status-connecting", "status-lost", "status-closed");
        status.getStyleClass().add("status-" + value.name().toLowerCase(java.util.Locale.ROOT));
    }

    private void showEnforcement(HostEnforcement value) {
        enforcement.getStyleClass().removeAll(TrustMarker.ISOLATED.styleClass(), TrustMarker.WEAK.styleClass(),
                TrustMarker.UNCONFINED.styleClass());
        if (value == null) {
            enforcement.setText("");
            enforcement.setTooltip(null);
            enforcement.setVisible(false);
            enforcement.setManaged(false);
            return;
        }
        TrustMarker marker = TrustMarker.of(value);
        enforcement.getStyleClass().add(marker.styleClass());
        enforcement.setText(marker.glyph() + " " + viewModel.enforcementTextProperty().get());
        enforcement.setTooltip(new Tooltip(value.label()));
        enforcement.setVisible(true);
        enforcement.setManaged(true);
    }

    private static void hideWhenEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void forget() {
        onForget.accept(viewModel.uri());
    }
}
