package org.bulkhead.model.label;

import java.util.Objects;

/**
 * An MLS range {@code low-high}, e.g. {@code s0-s0:c0.c1023}; the high level must dominate the
 * low one. Written as the low level alone when both are equal, as libvirt and the kernel do.
 */
public record Range(Level low, Level high) {

    public Range {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        if (!high.dominates(low)) {
            String text = low + "-" + high;
            throw new LabelFormatException("range", text, text, dominanceRule(low, high));
        }
    }

    /** The range holding just {@code level}. */
    public static Range of(Level level) {
        return new Range(level, level);
    }

    /** Parses {@code s0}, {@code s0:c1,c2} or {@code s0-s0:c0.c1023}. */
    public static Range parse(String text) {
        return parse(text, text);
    }

    static Range parse(String text, String input) {
        Objects.requireNonNull(text, "range");
        int dash = text.indexOf('-');
        if (dash < 0) {
            return of(Level.parse(text, input));
        }
        if (text.indexOf('-', dash + 1) >= 0) {
            throw new LabelFormatException("range", text, input,
                    "a range has at most one '-', between its low and high level");
        }
        String lowText = text.substring(0, dash);
        String highText = text.substring(dash + 1);
        if (lowText.isEmpty()) {
            throw new LabelFormatException("low level", "", input, "a range is low-high, as in s0-s0:c0.c1023");
        }
        if (highText.isEmpty()) {
            throw new LabelFormatException("high level", "", input, "a range is low-high, as in s0-s0:c0.c1023");
        }
        Level low = Level.parse(lowText, input);
        Level high = Level.parse(highText, input);
        if (!high.dominates(low)) {
            throw new LabelFormatException("range", text, input, dominanceRule(low, high));
        }
        return new Range(low, high);
    }

    private static String dominanceRule(Level low, Level high) {
        return "the high level " + high + " must dominate the low level " + low
                + " (same or higher sensitivity and all of its categories)";
    }

    /** True when {@code level} lies between low and high, both included. */
    public boolean contains(Level level) {
        return level.dominates(low) && high.dominates(level);
    }

    /** True when low and high are the same level, as in every label libvirt generates. */
    public boolean isSingleLevel() {
        return low.equals(high);
    }

    @Override
    public String toString() {
        return isSingleLevel() ? low.toString() : low + "-" + high;
    }
}
