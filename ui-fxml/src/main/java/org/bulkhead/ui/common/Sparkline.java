package org.bulkhead.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Text;

/**
 * A small line chart of recent usage and its latest value in words beside it, painted on one
 * canvas. Cheap enough for every visible row of a large table: a new sample repaints the canvas
 * and changes no node's geometry. (In a table, any node whose shape or text changes makes the
 * table lay out and re-style every row on screen, since the rows sit in a group whose bounds
 * follow its contents; a statistics tick would do that for each sample.)
 */
public final class Sparkline extends Region {

    /** The value's room, as wide as this text: the lines of all rows start and end alike. */
    private static final String WIDEST_VALUE = "1023 MiB";
    private static final double GAP = 6;
    private static final double LINE_WIDTH = 64;
    private static final double LINE_HEIGHT = 16;

    private final Region chart = new Region();
    private final Canvas canvas = new Canvas();
    // Never shown: they carry the theme's stroke, fill and font for what the canvas paints.
    private final Polyline lineStyle = new Polyline();
    private final Text valueStyle = new Text(WIDEST_VALUE);
    private final ObjectProperty<UsageSeries> series = new SimpleObjectProperty<>(this, "series", UsageSeries.EMPTY);

    public Sparkline() {
        chart.getStyleClass().add("sparkline");
        lineStyle.getStyleClass().add("sparkline-line");
        valueStyle.getStyleClass().add("usage-value");
        lineStyle.setVisible(false);
        valueStyle.setVisible(false);
        for (var child : new javafx.scene.Node[] {chart, canvas, lineStyle, valueStyle}) {
            child.setManaged(false);
        }
        getChildren().addAll(chart, canvas, lineStyle, valueStyle);
        series.addListener((obs, old, now) -> paint());
        // The theme restyles the figure on a selected row: paint again in the new colour.
        valueStyle.fillProperty().addListener((obs, old, now) -> paint());
        lineStyle.strokeProperty().addListener((obs, old, now) -> paint());
        setAccessibleRole(AccessibleRole.TEXT);
        setMaxHeight(USE_PREF_SIZE);
    }

    public ObjectProperty<UsageSeries> seriesProperty() {
        return series;
    }

    public void setSeries(UsageSeries next) {
        series.set(next == null ? UsageSeries.EMPTY : next);
    }

    /** The latest value as shown, e.g. "12 %"; also what a screen reader reads. */
    public String valueText() {
        return series.get().text();
    }

    private double valueRoom() {
        return valueStyle.getLayoutBounds().getWidth();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + 24 + GAP + valueRoom() + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + LINE_WIDTH + GAP + valueRoom() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + LINE_HEIGHT + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double width = getWidth() - left - snappedRightInset();
        double height = getHeight() - top - snappedBottomInset();
        double lineHeight = Math.min(LINE_HEIGHT, height);
        chart.resizeRelocate(left, top + (height - lineHeight) / 2, Math.max(0, width - GAP - valueRoom()), lineHeight);
        canvas.relocate(left, top);
        canvas.setWidth(Math.max(0, width));
        canvas.setHeight(Math.max(0, height));
        paint();
    }

    /** Paints the current series into the laid-out chart, and the value beside it. */
    private void paint() {
        UsageSeries values = series.get();
        setAccessibleText(values.text());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        // The chart's box within the canvas, inside its padding.
        double left = chart.getLayoutX() - canvas.getLayoutX() + chart.snappedLeftInset();
        double top = chart.getLayoutY() - canvas.getLayoutY() + chart.snappedTopInset();
        double width = chart.getWidth() - chart.snappedLeftInset() - chart.snappedRightInset();
        double height = chart.getHeight() - chart.snappedTopInset() - chart.snappedBottomInset();
        if (!values.text().isEmpty()) {
            g.setFont(valueStyle.getFont());
            g.setFill(valueStyle.getFill() == null ? Color.GRAY : valueStyle.getFill());
            g.setTextBaseline(VPos.CENTER);
            g.fillText(values.text(), chart.getLayoutX() - canvas.getLayoutX() + chart.getWidth() + GAP,
                    canvas.getHeight() / 2);
        }
        int n = values.size();
        if (n == 0 || width <= 0 || height <= 0) {
            return;
        }
        double step = n == 1 ? width : width / (n - 1);
        g.setStroke(lineStyle.getStroke() == null ? Color.GRAY : lineStyle.getStroke());
        g.setLineWidth(lineStyle.getStrokeWidth());
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.beginPath();
        for (int i = 0; i < n; i++) {
            double x = left + (n == 1 ? 0 : i * step);
            double y = top + height - values.get(i) * height;
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        if (n == 1) {
            // One sample is a flat line across, not an invisible dot.
            g.lineTo(left + width, top + height - values.get(0) * height);
        }
        g.stroke();
    }
}
