package org.bulkhead.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Builds the one kind of error dialog Bulkhead shows: what failed, why, what to do. */
public final class ErrorDialog {

    private final Problem problem;
    private Window owner;

    private ErrorDialog(Problem problem) {
        this.problem = problem;
    }

    public static ErrorDialog of(Problem problem) {
        return new ErrorDialog(problem);
    }

    public ErrorDialog owner(Window window) {
        this.owner = window;
        return this;
    }

    public Alert build() {
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE);
        alert.setTitle(problem.title());
        alert.setHeaderText(problem.what());
        // Hypervisor messages can be long; a read-only text area lets the user select and copy them.
        TextArea why = new TextArea(problem.why());
        why.setEditable(false);
        why.setWrapText(true);
        why.setPrefRowCount(3);
        why.getStyleClass().add("problem-why");
        Label whatToDo = new Label("What to do: " + problem.whatToDo());
        whatToDo.setWrapText(true);
        whatToDo.getStyleClass().add("problem-what-to-do");
        VBox body = new VBox(8, why, whatToDo);
        body.setPrefWidth(480);
        alert.getDialogPane().setContent(body);
        alert.getDialogPane().getStyleClass().add("problem-dialog");
        Theme.apply(alert.getDialogPane());
        if (owner != null) {
            alert.initOwner(owner);
        }
        return alert;
    }
}
