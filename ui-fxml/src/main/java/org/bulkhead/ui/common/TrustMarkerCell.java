package org.bulkhead.ui.common;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

import org.bulkhead.model.security.Trust;

/** A table cell showing a trust marker: glyph, word and colour, with the reason as tooltip. */
public final class TrustMarkerCell<S> extends TableCell<S, Trust> {

    private final Text glyph = new Text();
    private final Tooltip tooltip = new Tooltip();

    public TrustMarkerCell() {
        getStyleClass().add("trust-cell");
        glyph.getStyleClass().add("trust-glyph");
        setContentDisplay(ContentDisplay.LEFT);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
    }

    @Override
    protected void updateItem(Trust trust, boolean empty) {
        super.updateItem(trust, empty);
        getStyleClass().removeAll(TrustMarker.ISOLATED.styleClass(), TrustMarker.WEAK.styleClass(),
                TrustMarker.UNCONFINED.styleClass(), TrustMarker.UNCHECKED.styleClass());
        if (empty || trust == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            setAccessibleText(null);
            return;
        }
        TrustMarker marker = TrustMarker.of(trust.level());
        getStyleClass().add(marker.styleClass());
        glyph.setText(marker.glyph());
        setGraphic(glyph);
        setText(TrustMarker.text(trust));
        tooltip.setText(TrustMarker.explanation(trust));
        setTooltip(tooltip);
        setAccessibleText(TrustMarker.explanation(trust));
    }
}
