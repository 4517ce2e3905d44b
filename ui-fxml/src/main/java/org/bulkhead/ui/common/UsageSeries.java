package org.bulkhead.ui.common;

import java.util.Arrays;

/**
 * Recent samples of one measure, oldest first, each a fraction of its maximum (0..1), with the
 * latest value in words ("12 %", "512 MiB") so a sparkline never stands without its number.
 */
public final class UsageSeries {

    public static final UsageSeries EMPTY = new UsageSeries(new double[0], "");

    private final double[] fractions;
    private final String text;

    public UsageSeries(double[] fractions, String text) {
        this.fractions = fractions.clone();
        for (int i = 0; i < this.fractions.length; i++) {
            this.fractions[i] = Math.max(0, Math.min(1, this.fractions[i]));
        }
        this.text = text;
    }

    public int size() {
        return fractions.length;
    }

    public boolean isEmpty() {
        return fractions.length == 0;
    }

    public double get(int index) {
        return fractions[index];
    }

    public double latest() {
        return fractions.length == 0 ? 0 : fractions[fractions.length - 1];
    }

    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UsageSeries series && Arrays.equals(fractions, series.fractions)
                && text.equals(series.text);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(fractions) + text.hashCode();
    }

    @Override
    public String toString() {
        return text + " " + Arrays.toString(fractions);
    }
}
