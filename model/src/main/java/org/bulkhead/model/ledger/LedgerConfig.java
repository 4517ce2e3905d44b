package org.bulkhead.model.ledger;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Random;

import org.bulkhead.model.label.CategorySet;
import org.bulkhead.model.label.Level;

/**
 * What a {@link LabelLedger} may hand out: MCS pairs at {@code sensitivity} with both categories
 * in {@code firstCategory..lastCategory}, and DAC UIDs in {@code firstUid..lastUid}.
 *
 * @param random where allocations start looking; seed it in tests, keep it secure in the app
 */
public record LedgerConfig(String sensitivity, int firstCategory, int lastCategory,
        int firstUid, int lastUid, Random random) {

    /** Start of the default DAC range: above the ranges distributions give users and services. */
    public static final int DEFAULT_FIRST_UID = 200_000;
    /** End of the default DAC range: 65,536 UIDs in all. */
    public static final int DEFAULT_LAST_UID = 265_535;

    public LedgerConfig {
        Objects.requireNonNull(sensitivity, "sensitivity");
        Objects.requireNonNull(random, "random");
        Level.of(sensitivity); // validates s0..s15
        if (firstCategory < 0 || lastCategory > CategorySet.MAX_CATEGORY || firstCategory >= lastCategory) {
            throw new IllegalArgumentException("category range c" + firstCategory + "..c" + lastCategory
                    + " must lie within c0..c" + CategorySet.MAX_CATEGORY + " and hold at least two categories");
        }
        // UID 0 is root: handing it to a VM would undo the point of DAC isolation.
        if (firstUid < 1 || firstUid > lastUid || lastUid == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("UID range " + firstUid + ".." + lastUid
                    + " must be non-empty, start above 0 (root) and end below " + Integer.MAX_VALUE);
        }
    }

    /** The whole category space at {@code s0} and the default UID range, with a {@link SecureRandom}. */
    public static LedgerConfig defaults() {
        return new LedgerConfig("s0", 0, CategorySet.MAX_CATEGORY, DEFAULT_FIRST_UID, DEFAULT_LAST_UID,
                new SecureRandom());
    }

    public LedgerConfig withCategories(int first, int last) {
        return new LedgerConfig(sensitivity, first, last, firstUid, lastUid, random);
    }

    public LedgerConfig withUids(int first, int last) {
        return new LedgerConfig(sensitivity, firstCategory, lastCategory, first, last, random);
    }

    public LedgerConfig withRandom(Random newRandom) {
        return new LedgerConfig(sensitivity, firstCategory, lastCategory, firstUid, lastUid, newRandom);
    }

    /** How many distinct pairs the category range holds: C(n, 2). */
    public int pairCount() {
        long n = lastCategory - firstCategory + 1L;
        return (int) (n * (n - 1) / 2);
    }

    public int uidCount() {
        return lastUid - firstUid + 1;
    }
}
