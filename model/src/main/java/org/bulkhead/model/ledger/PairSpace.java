package org.bulkhead.model.ledger;

import org.bulkhead.model.label.McsPair;

/**
 * Numbers the pairs of a category range {@code first..last} as 0..C(n,2)-1 so a bit set can
 * track them. The order is colexicographic: index = j(j-1)/2 + i for offsets i < j, which needs
 * no table and inverts with one square root.
 */
record PairSpace(int first, int last) {

    int size() {
        long n = last - first + 1L;
        return (int) (n * (n - 1) / 2);
    }

    /** The index of {@code pair}, or -1 when a category lies outside the range. */
    int indexOf(McsPair pair) {
        if (pair.first() < first || pair.second() > last) {
            return -1;
        }
        return indexOf(pair.first(), pair.second());
    }

    /** The index of the pair {@code cA,cB}; both must lie in the range, {@code a < b}. */
    int indexOf(int a, int b) {
        int i = a - first;
        int j = b - first;
        return j * (j - 1) / 2 + i;
    }

    McsPair pairAt(int index) {
        // Largest j with j(j-1)/2 <= index; the floating-point estimate is corrected exactly.
        int j = (int) ((1 + Math.sqrt(1 + 8.0 * index)) / 2);
        while (j * (j - 1L) / 2 > index) {
            j--;
        }
        while ((j + 1L) * j / 2 <= index) {
            j++;
        }
        int i = index - j * (j - 1) / 2;
        return new McsPair(first + i, first + j);
    }
}
