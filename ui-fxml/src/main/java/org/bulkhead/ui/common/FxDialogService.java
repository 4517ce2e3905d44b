package org.bulkhead.ui.common;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Real dialogs on the FX thread, owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        ButtonType goAhead = new ButtonType(confirmation.action(), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, confirmation.consequence(), goAhead, ButtonType.CANCEL);
        alert.setTitle(confirmation.title());
        alert.setHeaderText(confirmation.question());
        prepare(alert);
        // The safe choice is the default, so Enter pressed out of habit does not destroy anything.
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(goAhead)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(goAhead::equals).isPresent();
    }

    @Override
    public Optional<Boolean> confirmDeletion(String domainName, String connectionUri, List<String> volumes) {
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", delete, ButtonType.CANCEL);
        alert.setTitle("Delete domain");
        alert.setHeaderText("Delete “" + domainName + "” from " + connectionUri + "?");
        Label consequence = new Label("Its definition is removed for good; this cannot be undone.");
        consequence.setWrapText(true);
        CheckBox withStorage = new CheckBox(volumes.isEmpty()
                ? "Also delete its storage (it has no read-write disk images)"
                : "Also delete its storage:\n  " + String.join("\n  ", volumes));
        withStorage.setDisable(volumes.isEmpty());
        withStorage.setId("delete-storage");
        alert.getDialogPane().setContent(new VBox(10, consequence, withStorage));
        prepare(alert);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(delete)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(delete::equals).map(b -> withStorage.isSelected());
    }

    @Override
    public void inform(String title, String header, String text) {
        Label body = new Label(text);
        body.setWrapText(true);
        body.getStyleClass().add("problem-why");
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setContent(body);
        alert.getDialogPane().setMinWidth(520);
        prepare(alert);
        alert.show();
    }

    @Override
    public void showError(Problem problem) {
        ErrorDialog.of(problem).owner(owner.get()).build().show();
    }

    private void prepare(Alert alert) {
        Theme.apply(alert.getDialogPane());
        // Enter on "Also delete its storage" presses the safe default instead of ticking it.
        DialogKeys.install(alert.getDialogPane());
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
    }
}
