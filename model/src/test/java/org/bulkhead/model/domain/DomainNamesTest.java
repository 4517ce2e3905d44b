package org.bulkhead.model.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"web", "Debian 12 (kiosk)", "a'b\"c<d&e>", "ünïcödé-💾", "x"})
    void ordinaryAndOddButHarmlessNamesAreAccepted(String name) {
        assertEquals(Optional.empty(), DomainNames.validate(name));
    }

    @Test
    void anEmptyOrBlankNameAsksForOne() {
        assertTrue(DomainNames.validate("").orElseThrow().contains("Enter a name"));
        assertTrue(DomainNames.validate("   ").orElseThrow().contains("Enter a name"));
        assertTrue(DomainNames.validate(null).orElseThrow().contains("Enter a name"));
    }

    @Test
    void aSlashIsRefusedBecauseLibvirtPutsNamesInPaths() {
        assertTrue(DomainNames.validate("a/b").orElseThrow().contains("'/'"));
    }

    @Test
    void lineBreaksAreRefusedAsSuch() {
        assertTrue(DomainNames.validate("a\nb").orElseThrow().contains("line break"));
        assertTrue(DomainNames.validate("a\rb").orElseThrow().contains("line break"));
        assertTrue(DomainNames.validate("a\u2028b").orElseThrow().contains("line break"));
    }

    @Test
    void otherControlCharactersAreNamedByCodePoint() {
        assertTrue(DomainNames.validate("a\tb").orElseThrow().contains("U+0009"));
        assertTrue(DomainNames.validate("a\u007fb").orElseThrow().contains("U+007F"));
        assertTrue(DomainNames.validate("a\u0085b").orElseThrow().contains("U+0085"));
    }

    @Test
    void theLimitIsInUtf8BytesBecauseLibvirtPutsTheNameInFileNames() {
        assertEquals(Optional.empty(), DomainNames.validate("x".repeat(DomainNames.MAX_BYTES)));
        assertEquals(Optional.empty(), DomainNames.validate("é".repeat(122) + "x"), "245 bytes of accents");
        assertEquals(Optional.empty(), DomainNames.validate("💾".repeat(61)), "61 emoji are 244 bytes");

        String tooLong = DomainNames.validate("x".repeat(DomainNames.MAX_BYTES + 1)).orElseThrow();
        assertTrue(tooLong.contains("246 bytes"), tooLong);
        assertTrue(tooLong.contains("at most 245 bytes"), tooLong);
    }

    @Test
    void twoHundredMultiByteCharactersAreRefusedBeforeLibvirtSaysFileNameTooLong() {
        // 200 characters passed the old character limit and then failed at define
        String message = DomainNames.validate("中".repeat(200)).orElseThrow();
        assertTrue(message.contains("600 bytes (200 characters)"), message);
        assertTrue(message.contains("81 such as '中'"), "the limit is also said in characters: " + message);
        assertTrue(DomainNames.validate("💾".repeat(200)).isPresent(), "200 emoji are 800 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"‮", "‪", "⁦", "⁩", "‎", "‏", "؜"})
    void directionMarksAreRefusedBecauseTheyMakeTheNameDisplayAsSomethingElse(String mark) {
        String message = DomainNames.validate("invoice" + mark + "fdp.exe").orElseThrow();
        assertTrue(message.contains(String.format("U+%04X", (int) mark.charAt(0))), message);
        assertTrue(message.contains("display as something else"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"​", "‍", "﻿", "­", "⁠"})
    void invisibleFormatCharactersAreRefusedBecauseTheNameWouldLookLikeAnother(String invisible) {
        String message = DomainNames.validate("web" + invisible + "server").orElseThrow();
        assertTrue(message.contains(String.format("U+%04X", (int) invisible.charAt(0))), message);
        assertTrue(message.contains("look like another"), message);
    }

    @Test
    void theNameInADomainsXmlNamesItInMessagesAndUnreadableXmlGivesNone() {
        assertEquals(Optional.of("web"), DomainNames.inXml("<domain type='kvm'><name> web </name></domain>"));
        assertEquals(Optional.empty(), DomainNames.inXml("<domain type='kvm'><name></name></domain>"));
        assertEquals(Optional.empty(), DomainNames.inXml("<domain type='kvm'><name>web"));
    }
}
