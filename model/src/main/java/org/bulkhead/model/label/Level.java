package org.bulkhead.model.label;

import java.util.Objects;

/**
 * One MLS/MCS level: a sensitivity {@code s0..s15} and a set of categories, written {@code s0}
 * or {@code s0:c1,c2}.
 */
public record Level(String sensitivity, CategorySet categories) {

    /** Highest sensitivity number SELinux policies define. */
    public static final int MAX_SENSITIVITY = 15;

    private static final String SENSITIVITY_RULE =
            "a sensitivity is 's' followed by a number from 0 to " + MAX_SENSITIVITY + ", e.g. s0";

    public Level {
        Objects.requireNonNull(sensitivity, "sensitivity");
        Objects.requireNonNull(categories, "categories");
        sensitivityNumber(sensitivity, sensitivity);
    }

    /** The level {@code sensitivity} with no categories, e.g. {@code s0}. */
    public static Level of(String sensitivity) {
        return new Level(sensitivity, CategorySet.empty());
    }

    /** Parses {@code s0} or {@code s0:c1,c2}. */
    public static Level parse(String text) {
        return parse(text, text);
    }

    static Level parse(String text, String input) {
        Objects.requireNonNull(text, "level");
        int colon = text.indexOf(':');
        String sensitivity = colon < 0 ? text : text.substring(0, colon);
        sensitivityNumber(sensitivity, input);
        if (colon < 0) {
            return new Level(sensitivity, CategorySet.empty());
        }
        String categories = text.substring(colon + 1);
        if (categories.isEmpty()) {
            throw new LabelFormatException("categories", "", input,
                    "write " + sensitivity + " alone or list categories after the ':'");
        }
        return new Level(sensitivity, CategorySet.parse(categories, input));
    }

    /** The sensitivity as a number, 0 for {@code s0}. */
    public int sensitivityNumber() {
        return sensitivityNumber(sensitivity, sensitivity);
    }

    private static int sensitivityNumber(String sensitivity, String input) {
        if (sensitivity.isEmpty()) {
            throw new LabelFormatException("sensitivity", "", input, SENSITIVITY_RULE);
        }
        boolean wellFormed = sensitivity.length() >= 2 && sensitivity.length() <= 3
                && sensitivity.charAt(0) == 's'
                && sensitivity.substring(1).chars().allMatch(c -> c >= '0' && c <= '9')
                && !(sensitivity.length() == 3 && sensitivity.charAt(1) == '0');
        if (!wellFormed || Integer.parseInt(sensitivity.substring(1)) > MAX_SENSITIVITY) {
            throw new LabelFormatException("sensitivity", sensitivity, input, SENSITIVITY_RULE);
        }
        return Integer.parseInt(sensitivity.substring(1));
    }

    /**
     * True when this level may read what is labelled {@code other}: its sensitivity is the same
     * or higher and it has every category of {@code other}. Every level dominates itself.
     */
    public boolean dominates(Level other) {
        return sensitivityNumber() >= other.sensitivityNumber()
                && categories.containsAll(other.categories);
    }

    public Level withCategories(CategorySet newCategories) {
        return new Level(sensitivity, newCategories);
    }

    @Override
    public String toString() {
        return categories.isEmpty() ? sensitivity : sensitivity + ':' + categories;
    }
}
