package org.bulkhead.model.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DacLabelTest {

    @Test
    void numericIdsWithAPlusAreNumeric() {
        DacLabel label = DacLabel.parse("+64055:+64055");
        assertEquals(OptionalInt.of(64055), label.uid());
        assertEquals(OptionalInt.of(64055), label.gid());
        assertEquals("+64055:+64055", label.toString());
    }

    @Test
    void namesHaveNoNumericId() {
        DacLabel label = DacLabel.parse("qemu:kvm");
        assertEquals("qemu", label.user());
        assertEquals("kvm", label.group());
        assertEquals(OptionalInt.empty(), label.uid());
        assertEquals(OptionalInt.empty(), label.gid());
    }

    @Test
    void aLabelMayMixIdsAndNames() {
        DacLabel label = DacLabel.parse("+107:kvm");
        assertEquals(OptionalInt.of(107), label.uid());
        assertEquals(OptionalInt.empty(), label.gid());
    }

    @Test
    void aBareNumberCountsAsNumeric() {
        assertEquals(OptionalInt.of(107), DacLabel.parse("107:0").uid());
        assertEquals(OptionalInt.of(0), DacLabel.parse("107:0").gid());
    }

    @Test
    void ofIdsWritesTheFormThatNeedsNoLookup() {
        assertEquals("+200001:+64055", DacLabel.ofIds(200001, 64055).toString());
        assertEquals(DacLabel.parse("+200001:+64055"), DacLabel.ofIds(200001, 64055));
        assertThrows(IllegalArgumentException.class, () -> DacLabel.ofIds(-1, 5));
    }

    @ParameterizedTest(name = "\"{0}\" is rejected for its {1}")
    @CsvSource(delimiter = '|', value = {
            "qemu kvm:kvm|user|qemu kvm",
            "qemu:kv\tm|group|kv\tm",
            "+abc:kvm|user|+abc",
            "+:kvm|user|+",
            "qemu:+12x|group|+12x",
            "+99999999999:+1|user|+99999999999",
    })
    void badPartsAreNamed(String text, String what, String part) {
        var e = assertThrows(LabelFormatException.class, () -> DacLabel.parse(text));
        assertEquals(part, e.part());
        assertTrue(e.getMessage().startsWith("invalid " + what + " '"), e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" is missing its {1}")
    @CsvSource(delimiter = '|', value = {":kvm|user", "qemu:|group"})
    void emptyPartsAreReportedAsMissing(String text, String what) {
        var e = assertThrows(LabelFormatException.class, () -> DacLabel.parse(text));
        assertTrue(e.getMessage().startsWith("missing " + what + " in \"" + text + "\""), e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" needs exactly one colon")
    @CsvSource(delimiter = '|', value = {"qemu", "a:b:c", "''"})
    void aLabelNeedsExactlyOneColon(String text) {
        var e = assertThrows(LabelFormatException.class, () -> DacLabel.parse(text));
        assertTrue(e.getMessage().contains("exactly one ':'"), e.getMessage());
    }

    @Test
    void controlCharactersAreRejected() {
        var e = assertThrows(LabelFormatException.class, () -> DacLabel.parse("qemu\u0000:kvm"));
        assertTrue(e.getMessage().contains("control characters"), e.getMessage());
    }

    @Test
    void theLargestIntIdIsAccepted() {
        assertEquals(OptionalInt.of(Integer.MAX_VALUE), DacLabel.parse("+2147483647:+0").uid());
        assertThrows(LabelFormatException.class, () -> DacLabel.parse("+2147483648:+0"));
        assertEquals(OptionalInt.of(107), DacLabel.parse("+000107:+0").uid());
    }
}
