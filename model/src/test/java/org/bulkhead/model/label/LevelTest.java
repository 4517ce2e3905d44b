package org.bulkhead.model.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LevelTest {

    @Test
    void aLevelWithoutCategoriesIsWrittenAsItsSensitivityAlone() {
        Level level = Level.parse("s0");
        assertEquals("s0", level.sensitivity());
        assertTrue(level.categories().isEmpty());
        assertEquals("s0", level.toString());
        assertEquals(0, level.sensitivityNumber());
    }

    @Test
    void aLevelWithCategoriesIsWrittenCanonically() {
        Level level = Level.parse("s15:c2,c1,c0");
        assertEquals(15, level.sensitivityNumber());
        assertEquals(CategorySet.of(0, 1, 2), level.categories());
        assertEquals("s15:c0.c2", level.toString());
    }

    @ParameterizedTest(name = "sensitivity of \"{0}\" is rejected")
    @CsvSource(delimiter = '|', value = {"s16|s16", "s01|s01", "S0|S0", "x0|x0", "s|s", "s-1|s-1", "s100:c1|s100"})
    void sensitivitiesOutsideS0ToS15AreRejectedNamingThem(String text, String part) {
        var e = assertThrows(LabelFormatException.class, () -> Level.parse(text));
        assertEquals(part, e.part());
        assertTrue(e.getMessage().contains("sensitivity"), e.getMessage());
        assertTrue(e.getMessage().contains("from 0 to 15"), e.getMessage());
    }

    @Test
    void aBadCategoryIsReportedWithTheWholeLevel() {
        var e = assertThrows(LabelFormatException.class, () -> Level.parse("s0:c1024"));
        assertEquals("invalid category 'c1024' in \"s0:c1024\": categories run from c0 to c1023", e.getMessage());
    }

    @Test
    void aColonWithNothingAfterItIsAMissingCategoryList() {
        var e = assertThrows(LabelFormatException.class, () -> Level.parse("s0:"));
        assertTrue(e.getMessage().startsWith("missing categories in \"s0:\""), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":c1"})
    void aLevelWithoutSensitivityIsRejected(String text) {
        var e = assertThrows(LabelFormatException.class, () -> Level.parse(text));
        assertTrue(e.getMessage().startsWith("missing sensitivity"), e.getMessage());
    }

    @Test
    void theConstructorChecksTheSensitivityToo() {
        assertThrows(LabelFormatException.class, () -> new Level("s20", CategorySet.empty()));
    }

    @ParameterizedTest(name = "{0} dominates {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "s0|s0|true",
            "s0:c1.c3|s0:c2|true",
            "s0:c2|s0:c1.c3|false",
            "s0:c1,c2|s0:c1,c3|false",
            "s1|s0|true",
            "s0|s1|false",
            "s2:c5|s1:c5|true",
            "s2:c5|s1:c6|false",
            "s0:c0.c1023|s0:c471,c901|true",
            "s0:c471,c901|s0|true",
            "s0|s0:c471,c901|false"
    })
    void dominanceNeedsTheSensitivityAndEveryCategory(String a, String b, boolean expected) {
        assertEquals(expected, Level.parse(a).dominates(Level.parse(b)));
    }

    @Test
    void dominanceIsReflexiveTransitiveAndFollowsSetInclusion() {
        Random random = new Random(42);
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            levels.add(randomLevel(random));
        }
        for (Level a : levels) {
            assertTrue(a.dominates(a), a::toString);
            for (Level b : levels) {
                boolean expected = a.sensitivityNumber() >= b.sensitivityNumber()
                        && a.categories().containsAll(b.categories());
                assertEquals(expected, a.dominates(b), () -> a + " vs " + b);
                if (a.dominates(b) && b.dominates(a)) {
                    assertEquals(a, b, "dominance both ways means the same level");
                }
                for (Level c : levels) {
                    if (a.dominates(b) && b.dominates(c)) {
                        assertTrue(a.dominates(c), () -> a + " > " + b + " > " + c);
                    }
                }
            }
        }
    }

    @Test
    void randomLevelsSurviveWritingAndParsing() {
        Random random = new Random(99);
        for (int i = 0; i < 1_000; i++) {
            Level level = randomLevel(random);
            assertEquals(level, Level.parse(level.toString()));
        }
    }

    // Small category universe so that inclusion between random levels actually happens.
    static Level randomLevel(Random random) {
        int[] categories = random.ints(random.nextInt(5), 0, 6).toArray();
        return new Level("s" + random.nextInt(3), CategorySet.of(categories));
    }
}
