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
    void twoHundredCharactersAreTheLimit() {
        assertEquals(Optional.empty(), DomainNames.validate("x".repeat(200)));
        assertTrue(DomainNames.validate("x".repeat(201)).orElseThrow().contains("201"));
        // characters, not UTF-16 units: 200 emoji are fine
        assertEquals(Optional.empty(), DomainNames.validate("💾".repeat(200)));
    }
}
