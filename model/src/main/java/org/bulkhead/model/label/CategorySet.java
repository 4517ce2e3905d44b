package org.bulkhead.model.label;

import java.util.Arrays;

/**
 * An immutable, sorted set of MCS categories {@code c0..c1023}, written the way the SELinux
 * kernel writes it: runs of three or more as {@code cA.cB}, everything else comma separated
 * ({@code c0,c1}, {@code c0.c2}, {@code c0.c3,c7}).
 *
 * <p>A class rather than a record because its state is a bit array: a record would expose the
 * array and compare it by identity.
 */
public final class CategorySet {

    /** Highest category number SELinux policies define. */
    public static final int MAX_CATEGORY = 1023;

    private static final int WORDS = (MAX_CATEGORY + 1) / Long.SIZE;
    private static final CategorySet EMPTY = new CategorySet(new long[WORDS]);
    private static final String CATEGORY_RULE = "categories run from c0 to c" + MAX_CATEGORY;
    private static final String SYNTAX_RULE =
            "a category is 'c' followed by a number without leading zeros, e.g. c0 or c1023";

    private final long[] words;

    private CategorySet(long[] words) {
        this.words = words;
    }

    public static CategorySet empty() {
        return EMPTY;
    }

    /** The given categories; duplicates are fine, order does not matter. */
    public static CategorySet of(int... categories) {
        long[] words = new long[WORDS];
        for (int category : categories) {
            checkRange(category);
            words[category >>> 6] |= 1L << category;
        }
        return new CategorySet(words);
    }

    /** All categories from {@code first} to {@code last}, both included. */
    public static CategorySet range(int first, int last) {
        checkRange(first);
        checkRange(last);
        if (first > last) {
            throw new IllegalArgumentException("range c" + first + "..c" + last + " runs backwards");
        }
        long[] words = new long[WORDS];
        for (int category = first; category <= last; category++) {
            words[category >>> 6] |= 1L << category;
        }
        return new CategorySet(words);
    }

    /**
     * Parses {@code c0,c3}, {@code c0.c3,c7} and the like; the empty string is the empty set.
     * Duplicates and overlapping ranges are accepted; a range must go upwards ({@code c2.c5}).
     */
    public static CategorySet parse(String text) {
        return parse(text, text);
    }

    /** Parses {@code text}, naming {@code input} (the whole label it came from) in errors. */
    static CategorySet parse(String text, String input) {
        if (text.isEmpty()) {
            return EMPTY;
        }
        long[] words = new long[WORDS];
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                throw new LabelFormatException("category", "", input,
                        "a comma must separate two categories, as in c1,c2");
            }
            int dot = item.indexOf('.');
            if (dot < 0) {
                int category = category(item, input);
                words[category >>> 6] |= 1L << category;
                continue;
            }
            if (item.indexOf('.', dot + 1) >= 0) {
                throw new LabelFormatException("category range", item, input,
                        "a range has exactly one '.', as in c0.c1023");
            }
            int low = category(item.substring(0, dot), input);
            int high = category(item.substring(dot + 1), input);
            if (low > high) {
                throw new LabelFormatException("category range", item, input,
                        "a range goes from the lower category to the higher, as in c" + high + ".c" + low);
            }
            // The kernel refuses cN.cN as well; accepting it would let a label pass here and fail at start.
            if (low == high) {
                throw new LabelFormatException("category range", item, input,
                        "a range needs two different categories; write c" + low + " alone");
            }
            for (int category = low; category <= high; category++) {
                words[category >>> 6] |= 1L << category;
            }
        }
        return new CategorySet(words);
    }

    private static int category(String token, String input) {
        if (token.isEmpty()) {
            throw new LabelFormatException("category", "", input, SYNTAX_RULE);
        }
        if (token.length() < 2 || token.charAt(0) != 'c') {
            throw new LabelFormatException("category", token, input, SYNTAX_RULE);
        }
        String digits = token.substring(1);
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new LabelFormatException("category", token, input, SYNTAX_RULE);
            }
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw new LabelFormatException("category", token, input, SYNTAX_RULE);
        }
        if (digits.length() > 4 || Integer.parseInt(digits) > MAX_CATEGORY) {
            throw new LabelFormatException("category", token, input, CATEGORY_RULE);
        }
        return Integer.parseInt(digits);
    }

    private static void checkRange(int category) {
        if (category < 0 || category > MAX_CATEGORY) {
            throw new IllegalArgumentException("category " + category + " out of range: " + CATEGORY_RULE);
        }
    }

    public boolean contains(int category) {
        return category >= 0 && category <= MAX_CATEGORY
                && (words[category >>> 6] & (1L << category)) != 0;
    }

    /** True when every category of {@code other} is in this set (a set contains itself). */
    public boolean containsAll(CategorySet other) {
        for (int i = 0; i < WORDS; i++) {
            if ((other.words[i] & ~words[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    public CategorySet union(CategorySet other) {
        long[] result = new long[WORDS];
        for (int i = 0; i < WORDS; i++) {
            result[i] = words[i] | other.words[i];
        }
        return new CategorySet(result);
    }

    public int size() {
        int size = 0;
        for (long word : words) {
            size += Long.bitCount(word);
        }
        return size;
    }

    public boolean isEmpty() {
        for (long word : words) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }

    /** The categories in ascending order. */
    public int[] toArray() {
        int[] result = new int[size()];
        int n = 0;
        for (int category = next(0); category >= 0; category = next(category + 1)) {
            result[n++] = category;
        }
        return result;
    }

    // Smallest member >= from, or -1.
    private int next(int from) {
        int word = from >>> 6;
        if (word >= WORDS) {
            return -1;
        }
        long bits = words[word] & (-1L << from);
        while (true) {
            if (bits != 0) {
                return word * Long.SIZE + Long.numberOfTrailingZeros(bits);
            }
            if (++word == WORDS) {
                return -1;
            }
            bits = words[word];
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CategorySet set && Arrays.equals(words, set.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        int start = next(0);
        while (start >= 0) {
            int end = start;
            while (end < MAX_CATEGORY && contains(end + 1)) {
                end++;
            }
            if (out.length() > 0) {
                out.append(',');
            }
            if (end - start >= 2) {
                out.append('c').append(start).append(".c").append(end);
            } else if (end == start + 1) {
                out.append('c').append(start).append(",c").append(end);
            } else {
                out.append('c').append(start);
            }
            start = end == MAX_CATEGORY ? -1 : next(end + 1);
        }
        return out.toString();
    }
}
