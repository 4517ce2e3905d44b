package org.bulkhead.ui.common;

import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Shows a {@link LabelText}: the context muted, the MCS range in its own emphasised style. */
public final class LabelTextFlow extends TextFlow {

    private final Text context = new Text();
    private final Text range = new Text();

    public LabelTextFlow() {
        getStyleClass().add("label-flow");
        context.getStyleClass().add("label-context");
        range.getStyleClass().add("label-range");
        getChildren().addAll(context, range);
    }

    public void show(LabelText label) {
        context.setText(label.context());
        range.setText(label.range());
        setAccessibleText(label.range().isEmpty() ? label.context()
                : label.context() + label.range() + ", categories " + label.categories());
    }
}
