package org.bulkhead.model.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategorySetTest {

    @ParameterizedTest(name = "\"{0}\" is written \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "c0|c0",
            "c0,c1|c0,c1",
            "c0,c1,c2|c0.c2",
            "c0.c3,c7|c0.c3,c7",
            "c7,c3,c2,c1,c0|c0.c3,c7",
            "c0.c1|c0,c1",
            "c0.c1023|c0.c1023",
            "c5,c5,c5|c5",
            "c1.c4,c3.c6|c1.c6",
            "c1,c3,c5|c1,c3,c5",
            "c1022,c1023|c1022,c1023",
            "c62,c63,c64,c65|c62.c65",
            "c0,c1,c3,c4,c5,c9|c0,c1,c3.c5,c9"
    })
    void categoriesAreWrittenTheWayTheKernelWritesThem(String text, String canonical) {
        assertEquals(canonical, CategorySet.parse(text).toString());
    }

    @Test
    void theEmptyStringIsTheEmptySet() {
        CategorySet empty = CategorySet.parse("");
        assertTrue(empty.isEmpty());
        assertEquals(0, empty.size());
        assertEquals("", empty.toString());
        assertEquals(CategorySet.empty(), empty);
    }

    @Test
    void aRangeHoldsEveryCategoryBetweenItsEnds() {
        CategorySet set = CategorySet.parse("c0.c3,c7");
        assertArrayEquals(new int[] {0, 1, 2, 3, 7}, set.toArray());
        assertEquals(5, set.size());
        assertTrue(set.contains(2));
        assertFalse(set.contains(4));
        assertFalse(set.contains(-1));
        assertFalse(set.contains(1024));
    }

    @Test
    void aSetContainsItsSubsetsButNotItsSupersets() {
        CategorySet wide = CategorySet.parse("c0.c10");
        CategorySet narrow = CategorySet.of(3, 7);
        assertTrue(wide.containsAll(narrow));
        assertFalse(narrow.containsAll(wide));
        assertTrue(narrow.containsAll(narrow));
        assertTrue(narrow.containsAll(CategorySet.empty()));
        assertFalse(CategorySet.of(3, 700).containsAll(CategorySet.of(3, 701)));
    }

    @Test
    void equalSetsAreEqualHoweverTheyWereWritten() {
        assertEquals(CategorySet.parse("c1,c2,c3"), CategorySet.parse("c1.c3"));
        assertEquals(CategorySet.parse("c1,c2,c3").hashCode(), CategorySet.parse("c3,c1.c2").hashCode());
        assertEquals(CategorySet.range(4, 9), CategorySet.parse("c4.c9"));
        assertNotEquals(CategorySet.of(1, 2), CategorySet.of(1, 3));
    }

    @Test
    void aCategoryAbove1023IsRejectedNamingTheCategoryAndTheInput() {
        var e = assertThrows(LabelFormatException.class, () -> CategorySet.parse("c1,c1024"));
        assertEquals("invalid category 'c1024' in \"c1,c1024\": categories run from c0 to c1023", e.getMessage());
        assertEquals("c1024", e.part());
        assertEquals("c1,c1024", e.input());
    }

    @ParameterizedTest(name = "\"{0}\" is rejected for its part ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "1|1",
            "c|c",
            "x3|x3",
            "C3|C3",
            "c-1|c-1",
            "c01|c01",
            "c3a|c3a",
            "c99999999999|c99999999999",
            "c0, c1|' c1'",
    })
    void malformedCategoriesAreRejectedNamingThem(String text, String part) {
        var e = assertThrows(LabelFormatException.class, () -> CategorySet.parse(text));
        assertEquals(part, e.part());
        assertTrue(e.getMessage().startsWith("invalid category "), e.getMessage());
        assertTrue(e.getMessage().contains(part) && e.getMessage().contains("\"" + text + "\""), e.getMessage());
    }

    @Test
    void aReversedRangeIsRejectedShowingTheRightOrder() {
        var e = assertThrows(LabelFormatException.class, () -> CategorySet.parse("c0,c5.c2"));
        assertEquals("invalid category range 'c5.c2' in \"c0,c5.c2\": a range goes from the lower category"
                + " to the higher, as in c2.c5", e.getMessage());
    }

    @Test
    void aRangeFromACategoryToItselfIsRejectedAsTheKernelDoes() {
        var e = assertThrows(LabelFormatException.class, () -> CategorySet.parse("c3.c3"));
        assertTrue(e.getMessage().contains("write c3 alone"), e.getMessage());
    }

    @Test
    void aRangeWithTwoDotsIsRejected() {
        var e = assertThrows(LabelFormatException.class, () -> CategorySet.parse("c1.c2.c3"));
        assertEquals("c1.c2.c3", e.part());
        assertTrue(e.getMessage().contains("exactly one '.'"), e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" is missing a category")
    @CsvSource(delimiter = '|', value = {"c1,,c2", "c1,", ",c1", "c1.", ".c2", ","})
    void emptyCategoriesAreReportedAsMissing(String text) {
        var e = assertThrows(LabelFormatException.class, () -> CategorySet.parse(text));
        assertTrue(e.getMessage().startsWith("missing category in \"" + text + "\""), e.getMessage());
    }

    @Test
    void controlCharactersInAnInputAreShownEscaped() {
        var e = assertThrows(LabelFormatException.class, () -> CategorySet.parse("c1,c\n2"));
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().contains("\\u000a"), e.getMessage());
    }

    @Test
    void ofRejectsCategoriesOutsideThePolicy() {
        assertThrows(IllegalArgumentException.class, () -> CategorySet.of(1024));
        assertThrows(IllegalArgumentException.class, () -> CategorySet.of(-1));
        assertThrows(IllegalArgumentException.class, () -> CategorySet.range(5, 2));
    }

    @Test
    void toArrayIsACopyThatCannotChangeTheSet() {
        CategorySet set = CategorySet.of(1, 2);
        set.toArray()[0] = 9;
        assertArrayEquals(new int[] {1, 2}, set.toArray());
    }

    @Test
    void anyRandomSetSurvivesWritingAndParsing() {
        Random random = new Random(20240501);
        for (int round = 0; round < 2_000; round++) {
            TreeSet<Integer> expected = randomCategories(random);
            CategorySet set = CategorySet.of(expected.stream().mapToInt(Integer::intValue).toArray());
            CategorySet reparsed = CategorySet.parse(set.toString());
            assertEquals(set, reparsed, set.toString());
            assertEquals(set.toString(), reparsed.toString());
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), reparsed.toArray());
        }
    }

    @Test
    void anyWayOfWritingASetParsesToTheSameCanonicalText() {
        Random random = new Random(7);
        for (int round = 0; round < 1_000; round++) {
            TreeSet<Integer> categories = randomCategories(random);
            List<String> items = new ArrayList<>();
            categories.forEach(c -> items.add("c" + c));
            if (random.nextBoolean() && !categories.isEmpty()) {
                items.add("c" + categories.first()); // a duplicate
            }
            Collections.shuffle(items, random);
            CategorySet set = CategorySet.parse(String.join(",", items));
            assertEquals(CategorySet.of(categories.stream().mapToInt(Integer::intValue).toArray()).toString(),
                    set.toString());
        }
    }

    // Runs make the range notation matter, so build sets from a few random runs and singles.
    static TreeSet<Integer> randomCategories(Random random) {
        TreeSet<Integer> set = new TreeSet<>();
        int pieces = random.nextInt(6);
        for (int p = 0; p < pieces; p++) {
            int start = random.nextInt(1024);
            int length = 1 + random.nextInt(random.nextBoolean() ? 3 : 40);
            for (int c = start; c < Math.min(1024, start + length); c++) {
                set.add(c);
            }
        }
        return set;
    }
}
