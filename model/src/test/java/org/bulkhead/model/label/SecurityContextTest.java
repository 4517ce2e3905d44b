package org.bulkhead.model.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityContextTest {

    @Test
    void aLibvirtDomainLabelSplitsIntoItsFourFields() {
        SecurityContext context = SecurityContext.parse("system_u:system_r:svirt_t:s0:c471,c901");
        assertEquals("system_u", context.user());
        assertEquals("system_r", context.role());
        assertEquals("svirt_t", context.type());
        assertEquals(Range.parse("s0:c471,c901"), context.range());
        assertEquals(Optional.of(Level.parse("s0:c471,c901")), context.level());
        assertEquals(Optional.of(new McsPair(471, 901)), context.mcsPair());
        assertEquals("system_u:system_r:svirt_t:s0:c471,c901", context.toString());
    }

    @Test
    void aContextWithAFullRangeKeepsBothEnds() {
        SecurityContext context = SecurityContext.parse("system_u:system_r:virtd_t:s0-s0:c0.c1023");
        assertEquals(Level.parse("s0"), context.level().orElseThrow());
        assertEquals(Level.parse("s0:c0.c1023"), context.range().high());
        assertEquals(Optional.empty(), context.mcsPair(), "the low level s0 has no pair");
        assertEquals("system_u:system_r:virtd_t:s0-s0:c0.c1023", context.toString());
    }

    @Test
    void aContextWithoutMlsHasNoRange() {
        SecurityContext context = SecurityContext.parse("user_u:user_r:user_t");
        assertNull(context.range());
        assertEquals(Optional.empty(), context.level());
        assertEquals("user_u:user_r:user_t", context.toString());
    }

    @Test
    void contextsAreWrittenCanonically() {
        assertEquals("u:r:t:s0:c0.c2", SecurityContext.parse("u:r:t:s0:c2,c1,c0").toString());
        assertEquals("u:r:t:s0", SecurityContext.parse("u:r:t:s0-s0").toString());
    }

    @ParameterizedTest(name = "\"{0}\" has a bad {1}")
    @CsvSource(delimiter = '|', value = {
            "system_u:system_r:svirt t:s0|type|svirt t",
            "system u:system_r:svirt_t:s0|user|system u",
            "system_u:sys/r:svirt_t|role|sys/r",
            "system_u:system_r:svirt_t:s0:c1024|category|c1024",
            "system_u:system_r:svirt_t:s16|sensitivity|s16",
            "system_u:system_r:svirt_t:s0:c5.c2|category range|c5.c2",
    })
    void aBadFieldIsNamedAlongWithTheWholeContext(String text, String what, String part) {
        var e = assertThrows(LabelFormatException.class, () -> SecurityContext.parse(text));
        assertEquals(text, e.input());
        assertEquals(part, e.part());
        assertTrue(e.getMessage().startsWith("invalid " + what + " '" + part + "' in \"" + text + "\": "),
                e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" is missing its {1}")
    @CsvSource(delimiter = '|', value = {
            ":system_r:svirt_t:s0|user",
            "system_u::svirt_t|role",
            "system_u:system_r:|type",
            "system_u:system_r::s0|type",
            "system_u:system_r:svirt_t:|range",
    })
    void anEmptyFieldIsReportedAsMissing(String text, String what) {
        var e = assertThrows(LabelFormatException.class, () -> SecurityContext.parse(text));
        assertTrue(e.getMessage().startsWith("missing " + what + " in \"" + text + "\""), e.getMessage());
    }

    @Test
    void aContextNeedsAtLeastThreeFields() {
        var e = assertThrows(LabelFormatException.class, () -> SecurityContext.parse("svirt_t:s0"));
        assertTrue(e.getMessage().contains("user:role:type"), e.getMessage());
        var empty = assertThrows(LabelFormatException.class, () -> SecurityContext.parse(""));
        assertTrue(empty.getMessage().startsWith("missing security context"), empty.getMessage());
    }

    @Test
    void withersChangeOneThingOnly() {
        SecurityContext base = SecurityContext.parse("system_u:system_r:svirt_t:s0");
        assertEquals("system_u:object_r:svirt_image_t:s0",
                new SecurityContext(base.user(), "object_r", "svirt_image_t", base.range()).toString());
        assertEquals("system_u:system_r:svirt_tcg_t:s0", base.withType("svirt_tcg_t").toString());
        assertEquals("system_u:system_r:svirt_t:s0:c1,c2", base.withLevel(Level.parse("s0:c1,c2")).toString());
        assertEquals("system_u:system_r:svirt_t:s0-s0:c0.c1023",
                base.withRange(Range.parse("s0-s0:c0.c1023")).toString());
        assertEquals("system_u:system_r:svirt_t", base.withRange(null).toString());
        assertThrows(LabelFormatException.class, () -> base.withType("bad type"));
    }

    @Test
    void anAllocatedPairBecomesTheContextsOnlyLevel() {
        SecurityContext base = SecurityContext.parse("system_u:system_r:svirt_t:s0-s0:c0.c1023");
        SecurityContext pinned = base.withMcsPair(new McsPair(3, 700));
        assertEquals("system_u:system_r:svirt_t:s0:c3,c700", pinned.toString());
        assertEquals(Optional.of(new McsPair(3, 700)), pinned.mcsPair());
        assertEquals("u:r:t:s0:c1,c2", SecurityContext.parse("u:r:t").withMcsPair(new McsPair(1, 2)).toString());
    }

    @Test
    void randomContextsSurviveWritingAndParsing() {
        Random random = new Random(5);
        for (int i = 0; i < 500; i++) {
            Level low = LevelTest.randomLevel(random);
            Level high = new Level("s" + (low.sensitivityNumber() + random.nextInt(2)),
                    low.categories().union(LevelTest.randomLevel(random).categories()));
            SecurityContext context = new SecurityContext("system_u", "system_r", "svirt_t",
                    random.nextInt(4) == 0 ? null : new Range(low, high));
            assertEquals(context, SecurityContext.parse(context.toString()));
        }
    }

    @Test
    void aVeryLongWrongLabelIsQuotedByItsStartAndLength() {
        String junk = "x".repeat(4000);
        LabelFormatException e = assertThrows(LabelFormatException.class, () -> SecurityContext.parse(junk));
        assertTrue(e.getMessage().contains("(4000 characters)"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
        assertEquals(junk, e.input(), "the whole input stays available to code");
    }
}
