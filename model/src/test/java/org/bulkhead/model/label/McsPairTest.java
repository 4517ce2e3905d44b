package org.bulkhead.model.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class McsPairTest {

    @Test
    void aPairIsWrittenAsLibvirtWritesIt() {
        McsPair pair = McsPair.parse("c471,c901");
        assertEquals(new McsPair(471, 901), pair);
        assertEquals("c471,c901", pair.toString());
        assertEquals(CategorySet.of(471, 901), pair.categories());
        assertEquals(Level.parse("s0:c471,c901"), pair.level("s0"));
    }

    @Test
    void aPairWrittenInAnyOrderIsTheSamePair() {
        assertEquals(new McsPair(471, 901), McsPair.parse("c901,c471"));
        assertEquals(new McsPair(0, 1), McsPair.parse("c0.c1"));
    }

    @ParameterizedTest(name = "new McsPair({0}, {1}) is rejected")
    @CsvSource({"5, 5", "6, 5", "-1, 5", "5, 1024"})
    void aPairNeedsTwoDifferentCategoriesInOrder(int first, int second) {
        var e = assertThrows(LabelFormatException.class, () -> new McsPair(first, second));
        assertTrue(e.getMessage().contains("c" + first + ",c" + second), e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" is not a pair")
    @ValueSource(strings = {"c1", "c1,c2,c3", "c5,c5", ""})
    void anythingButExactlyTwoCategoriesIsNotAPair(String text) {
        var e = assertThrows(LabelFormatException.class, () -> McsPair.parse(text));
        assertTrue(e.getMessage().contains("exactly two"), e.getMessage());
    }

    @Test
    void aBadCategoryInAPairIsNamed() {
        var e = assertThrows(LabelFormatException.class, () -> McsPair.parse("c1,c2000"));
        assertEquals("c2000", e.part());
    }

    @Test
    void onlyALevelWithExactlyTwoCategoriesHasAPair() {
        assertEquals(Optional.of(new McsPair(1, 2)), McsPair.of(Level.parse("s0:c1,c2")));
        assertEquals(Optional.empty(), McsPair.of(Level.parse("s0")));
        assertEquals(Optional.empty(), McsPair.of(Level.parse("s0:c1")));
        assertEquals(Optional.empty(), McsPair.of(Level.parse("s0:c1.c3")));
    }
}
