package org.bulkhead.model.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.bulkhead.model.label.McsPair;
import org.junit.jupiter.api.Test;

class PairSpaceTest {

    @Test
    void theFullCategoryRangeHolds523776Pairs() {
        assertEquals(523_776, new PairSpace(0, 1023).size());
        assertEquals(45, new PairSpace(0, 9).size());
        assertEquals(1, new PairSpace(7, 8).size());
    }

    @Test
    void everyIndexNamesADistinctPairOfTheRangeAndMapsBack() {
        PairSpace space = new PairSpace(0, 1023);
        Set<McsPair> seen = new HashSet<>();
        for (int index = 0; index < space.size(); index++) {
            McsPair pair = space.pairAt(index);
            assertEquals(index, space.indexOf(pair));
            seen.add(pair);
        }
        assertEquals(space.size(), seen.size());
    }

    @Test
    void anOffsetRangeOnlyNumbersItsOwnPairs() {
        PairSpace space = new PairSpace(100, 109);
        for (int index = 0; index < space.size(); index++) {
            McsPair pair = space.pairAt(index);
            assertEquals(index, space.indexOf(pair));
            assertEquals(true, pair.first() >= 100 && pair.second() <= 109, pair::toString);
        }
        assertEquals(-1, space.indexOf(new McsPair(99, 105)));
        assertEquals(-1, space.indexOf(new McsPair(105, 110)));
    }
}
