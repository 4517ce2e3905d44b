package org.bulkhead.model.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RangeTest {

    @Test
    void aSingleLevelRangeIsWrittenAsThatLevel() {
        Range range = Range.parse("s0:c1,c2");
        assertEquals(range.low(), range.high());
        assertTrue(range.isSingleLevel());
        assertEquals("s0:c1,c2", range.toString());
        assertEquals("s0", Range.parse("s0-s0").toString());
    }

    @Test
    void aRangeFromLowToHighKeepsBothLevels() {
        Range range = Range.parse("s0-s0:c0.c1023");
        assertEquals(Level.parse("s0"), range.low());
        assertEquals(Level.parse("s0:c0.c1023"), range.high());
        assertEquals("s0-s0:c0.c1023", range.toString());
    }

    @Test
    void aHighLevelThatDoesNotDominateTheLowIsRejected() {
        var e = assertThrows(LabelFormatException.class, () -> Range.parse("s0:c1,c2-s0:c1"));
        assertEquals("invalid range \"s0:c1,c2-s0:c1\": the high level s0:c1 must dominate the low level"
                + " s0:c1,c2 (same or higher sensitivity and all of its categories)", e.getMessage());
        assertThrows(LabelFormatException.class, () -> Range.parse("s1-s0"));
        assertThrows(LabelFormatException.class, () -> new Range(Level.parse("s1"), Level.parse("s0")));
    }

    @Test
    void aRangeWithTwoDashesIsRejected() {
        var e = assertThrows(LabelFormatException.class, () -> Range.parse("s0-s1-s2"));
        assertTrue(e.getMessage().contains("at most one '-'"), e.getMessage());
    }

    @Test
    void aRangeMissingAnEndNamesTheMissingEnd() {
        var low = assertThrows(LabelFormatException.class, () -> Range.parse("-s0"));
        assertTrue(low.getMessage().startsWith("missing low level in \"-s0\""), low.getMessage());
        var high = assertThrows(LabelFormatException.class, () -> Range.parse("s0-"));
        assertTrue(high.getMessage().startsWith("missing high level in \"s0-\""), high.getMessage());
    }

    @Test
    void aBadPartOfTheHighLevelIsReportedWithTheWholeRange() {
        var e = assertThrows(LabelFormatException.class, () -> Range.parse("s0-s0:c0.c1024"));
        assertEquals("invalid category 'c1024' in \"s0-s0:c0.c1024\": categories run from c0 to c1023",
                e.getMessage());
    }

    @Test
    void aRangeContainsTheLevelsBetweenItsEnds() {
        Range range = Range.parse("s0:c1-s2:c1.c5");
        assertTrue(range.contains(Level.parse("s0:c1")));
        assertTrue(range.contains(Level.parse("s1:c1,c3")));
        assertTrue(range.contains(Level.parse("s2:c1.c5")));
        assertFalse(range.contains(Level.parse("s0")), "below the low level");
        assertFalse(range.contains(Level.parse("s1:c1,c6")), "a category above the high level");
        assertFalse(range.contains(Level.parse("s3:c1")), "a sensitivity above the high level");
    }
}
