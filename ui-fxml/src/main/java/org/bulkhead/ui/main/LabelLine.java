package org.bulkhead.ui.main;

import javafx.geometry.VPos;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import org.bulkhead.ui.common.LabelText;

/**
 * A security label on one line that never wraps. When the column is too narrow the middle of
 * the context ({@code system_u:…svirt_t:}) gives way first and the MCS range stays whole, since
 * the categories are what tell two VMs apart; a label without a range ({@code libvirt-<uuid>})
 * loses its middle and keeps both ends.
 */
final class LabelLine extends Region {

    static final String ELLIPSIS = "\u2026";

    private final Text context = new Text();
    private final Text range = new Text();
    private LabelText label = LabelText.NONE;
    private boolean elided;
    // The whole context's and range's widths, measured once per label and font: a long table lays
    // out many of these, and most never need the search for an elision.
    private double contextWidth = -1;
    private double rangeWidth = -1;
    private Font measuredContextFont;
    private Font measuredRangeFont;

    LabelLine() {
        getStyleClass().add("label-line");
        context.getStyleClass().add("label-context");
        range.getStyleClass().add("label-range");
        context.setTextOrigin(VPos.TOP);
        range.setTextOrigin(VPos.TOP);
        getChildren().addAll(context, range);
    }

    void show(LabelText value) {
        label = value;
        context.setText(value.context());
        range.setText(value.range());
        contextWidth = -1;
        rangeWidth = -1;
        setAccessibleText(value.range().isEmpty() ? value.context()
                : value.full() + ", categories " + value.categories());
        requestLayout();
    }

    /** True while the context is shortened to fit; the cell's tooltip and the selection line have it whole. */
    boolean isElided() {
        return elided;
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + contextWidth() + rangeWidth() + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + rangeWidth() + snappedRightInset();
    }

    private double contextWidth() {
        if (contextWidth < 0 || context.getFont() != measuredContextFont) {
            measuredContextFont = context.getFont();
            contextWidth = width(label.context(), measuredContextFont);
        }
        return contextWidth;
    }

    private double rangeWidth() {
        if (rangeWidth < 0 || range.getFont() != measuredRangeFont) {
            measuredRangeFont = range.getFont();
            rangeWidth = width(label.range(), measuredRangeFont);
        }
        return rangeWidth;
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + Math.max(height(context), height(range)) + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double available = getWidth() - snappedLeftInset() - snappedRightInset();
        double room = Math.max(0, available - rangeWidth());
        String fitted = contextWidth() <= room ? label.context() : fit(label.context(), context.getFont(), room);
        elided = !fitted.equals(label.context());
        if (!fitted.equals(context.getText())) {
            context.setText(fitted);
        }
        double top = snappedTopInset() + Math.max(0, (getHeight() - snappedTopInset() - snappedBottomInset()
                - Math.max(height(context), height(range))) / 2);
        context.relocate(snappedLeftInset(), top);
        range.relocate(snappedLeftInset() + (elided ? width(fitted, context.getFont()) : contextWidth()), top);
    }

    /** The text, or its two ends around an ellipsis, as long as fits in {@code width}. */
    static String fit(String text, Font font, double width) {
        if (width(text, font) <= width) {
            return text;
        }
        int low = 0;
        int high = text.length() - 1;
        // The longest elision that fits: binary search on how many characters are kept.
        while (low < high) {
            int keep = (low + high + 1) / 2;
            if (width(elide(text, keep), font) <= width) {
                low = keep;
            } else {
                high = keep - 1;
            }
        }
        return low == 0 ? (width(ELLIPSIS, font) <= width ? ELLIPSIS : "") : elide(text, low);
    }

    /** {@code keep} characters of the text: a few more from its start than from its end. */
    static String elide(String text, int keep) {
        int head = (keep + 1) / 2;
        return text.substring(0, head) + ELLIPSIS + text.substring(text.length() - (keep - head));
    }

    private static double width(String text, Font font) {
        if (text.isEmpty()) {
            return 0;
        }
        Text probe = new Text(text);
        probe.setFont(font);
        return Math.ceil(probe.getLayoutBounds().getWidth());
    }

    private static double height(Text text) {
        return Math.ceil(text.getLayoutBounds().getHeight());
    }
}
