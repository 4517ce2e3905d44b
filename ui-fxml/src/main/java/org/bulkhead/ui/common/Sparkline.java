package org.bulkhead.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polyline;

/**
 * A small line chart of recent usage, drawn with one polyline. Cheap enough for every visible
 * row of a large table: nothing is laid out until the series changes or the cell resizes.
 */
public final class Sparkline extends Region {

    private final Polyline line = new Polyline();
    private final ObjectProperty<UsageSeries> series = new SimpleObjectProperty<>(this, "series", UsageSeries.EMPTY);

    public Sparkline() {
        getStyleClass().add("sparkline");
        line.getStyleClass().add("sparkline-line");
        line.setManaged(false);
        getChildren().add(line);
        series.addListener((obs, old, now) -> requestLayout());
        setMinSize(24, 10);
        setPrefSize(64, 16);
        setMaxHeight(USE_PREF_SIZE);
    }

    public ObjectProperty<UsageSeries> seriesProperty() {
        return series;
    }

    public void setSeries(UsageSeries value) {
        series.set(value == null ? UsageSeries.EMPTY : value);
    }

    @Override
    protected void layoutChildren() {
        UsageSeries values = series.get();
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double width = getWidth() - left - snappedRightInset();
        double height = getHeight() - top - snappedBottomInset();
        int n = values.size();
        if (n == 0 || width <= 0 || height <= 0) {
            line.getPoints().clear();
            return;
        }
        Double[] points = new Double[Math.max(2, n) * 2];
        double step = n == 1 ? width : width / (n - 1);
        for (int i = 0; i < n; i++) {
            points[2 * i] = left + (n == 1 ? 0 : i * step);
            points[2 * i + 1] = top + height - values.get(i) * height;
        }
        if (n == 1) {
            // One sample is a flat line across, not an invisible dot.
            points[2] = left + width;
            points[3] = points[1];
        }
        line.getPoints().setAll(points);
    }
}
