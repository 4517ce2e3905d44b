package org.bulkhead.ui.main;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bulkhead.model.label.CategorySet;

/**
 * The filter box's rule: every word must match. A word like {@code c471} matches domains whose
 * label carries that MCS category (so {@code c47} does not match {@code c471}); any other word
 * matches part of the name, label, model or state, ignoring case.
 */
public final class DomainFilter implements Predicate<DomainRow> {

    public static final DomainFilter ALL = new DomainFilter(List.of());

    private static final Pattern CATEGORY = Pattern.compile("c(0|[1-9][0-9]{0,3})");

    private final List<String> words;

    private DomainFilter(List<String> words) {
        this.words = words;
    }

    public static DomainFilter parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        return new DomainFilter(Arrays.stream(text.trim().toLowerCase(Locale.ROOT).split("\\s+")).toList());
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    @Override
    public boolean test(DomainRow row) {
        for (String word : words) {
            if (!matches(word, row)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String word, DomainRow row) {
        String name = row.name().toLowerCase(Locale.ROOT);
        Matcher category = CATEGORY.matcher(word);
        if (category.matches()) {
            int number = Integer.parseInt(category.group(1));
            return number <= CategorySet.MAX_CATEGORY && row.label().categories().contains(number)
                    || name.contains(word);
        }
        return name.contains(word)
                || row.label().full().toLowerCase(Locale.ROOT).contains(word)
                || row.model().toLowerCase(Locale.ROOT).contains(word)
                || row.state().label().contains(word);
    }

    @Override
    public String toString() {
        return String.join(" ", words);
    }
}
