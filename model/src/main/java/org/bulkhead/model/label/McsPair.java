package org.bulkhead.model.label;

import java.util.Objects;
import java.util.Optional;

/**
 * The two categories that give an sVirt domain its own compartment, {@code first < second},
 * written like libvirt writes them: {@code c471,c901}.
 */
public record McsPair(int first, int second) {

    public McsPair {
        if (first < 0 || second > CategorySet.MAX_CATEGORY || first >= second) {
            String text = "c" + first + ",c" + second;
            throw new LabelFormatException("MCS pair", text, text,
                    "a pair is two different categories from c0 to c" + CategorySet.MAX_CATEGORY
                            + ", the lower first");
        }
    }

    /** Parses exactly two categories, e.g. {@code c471,c901}. */
    public static McsPair parse(String text) {
        Objects.requireNonNull(text, "MCS pair");
        CategorySet categories = CategorySet.parse(text, text);
        return fromCategories(categories).orElseThrow(() -> new LabelFormatException(
                "MCS pair", text, text,
                "a pair is exactly two different categories, as in c471,c901, but this has "
                        + categories.size()));
    }

    /** The pair of {@code level}, present iff the level has exactly two categories. */
    public static Optional<McsPair> of(Level level) {
        return fromCategories(level.categories());
    }

    private static Optional<McsPair> fromCategories(CategorySet categories) {
        if (categories.size() != 2) {
            return Optional.empty();
        }
        int[] both = categories.toArray();
        return Optional.of(new McsPair(both[0], both[1]));
    }

    public CategorySet categories() {
        return CategorySet.of(first, second);
    }

    /** The level {@code sensitivity:cFirst,cSecond}, e.g. {@code s0:c471,c901}. */
    public Level level(String sensitivity) {
        return new Level(sensitivity, categories());
    }

    @Override
    public String toString() {
        return "c" + first + ",c" + second;
    }
}
