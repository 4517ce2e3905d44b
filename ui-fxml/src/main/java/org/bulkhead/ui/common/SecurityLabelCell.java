package org.bulkhead.ui.common;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** A table cell for a label written as text: MCS range emphasised, the whole label as tooltip. */
public final class SecurityLabelCell<S> extends TableCell<S, String> {

    private final LabelTextFlow flow = new LabelTextFlow();

    public SecurityLabelCell() {
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(String label, boolean empty) {
        super.updateItem(label, empty);
        if (empty || label == null || label.isEmpty()) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        flow.show(LabelText.of(label));
        setGraphic(flow);
        setTooltip(new Tooltip(label));
    }
}
