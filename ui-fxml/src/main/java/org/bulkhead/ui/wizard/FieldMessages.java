package org.bulkhead.ui.wizard;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Label;

/**
 * The wizard's messages where they belong: one about an answer stands beside it while it applies,
 * the answer marked and the message handed to screen readers as its help; one about the whole
 * page goes at the foot. An empty message takes no room.
 */
final class FieldMessages {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private FieldMessages() {
    }

    /** Shows the page's message in {@code label} while it is about {@code field} (null: the page). */
    static void show(NewVmWizardViewModel viewModel, Label label, WizardField field, Control... answer) {
        label.textProperty().bind(Bindings.createStringBinding(() -> viewModel.pageErrorProperty().get().isEmpty()
                || viewModel.errorFieldProperty().get() != field ? "" : "⚠ " + viewModel.pageErrorProperty().get(),
                viewModel.pageErrorProperty(), viewModel.errorFieldProperty()));
        hideWhenEmpty(label);
        for (Control control : answer) {
            label.textProperty().addListener((obs, old, now) -> {
                control.pseudoClassStateChanged(INVALID, !now.isEmpty());
                control.setAccessibleHelp(now.isEmpty() ? null : now);
            });
        }
    }

    static void hideWhenEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
