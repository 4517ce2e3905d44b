package org.bulkhead.model.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppArmorLabelTest {

    private static final UUID DOMAIN = UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f");

    @Test
    void libvirtsPerDomainProfileNamesItsDomain() {
        AppArmorLabel label = AppArmorLabel.parse("libvirt-6695eb01-f6a4-8304-79aa-97f2502e193f");
        assertTrue(label.isPerDomain());
        assertEquals(Optional.of(DOMAIN), label.domainUuid());
        assertFalse(label.isUnconfined());
        assertEquals(label, AppArmorLabel.forDomain(DOMAIN));
        assertEquals("libvirt-6695eb01-f6a4-8304-79aa-97f2502e193f", label.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"libvirt-1-2-3-4-5", "libvirt-", "libvirt-6695eb01-f6a4-8304-79aa-97f2502e193", "my-profile"})
    void otherProfilesAreNotPerDomain(String profile) {
        AppArmorLabel label = AppArmorLabel.parse(profile);
        assertFalse(label.isPerDomain());
        assertEquals(Optional.empty(), label.domainUuid());
    }

    @Test
    void anEmptyProfileMeansNoProfileIsLoaded() {
        assertTrue(AppArmorLabel.parse("").isUnconfined());
        assertTrue(AppArmorLabel.parse("unconfined").isUnconfined());
        assertFalse(AppArmorLabel.parse("").isPerDomain());
    }

    @Test
    void aModeSuffixIsNotPartOfTheLabel() {
        var e = assertThrows(LabelFormatException.class,
                () -> AppArmorLabel.parse("libvirt-6695eb01-f6a4-8304-79aa-97f2502e193f (enforce)"));
        assertTrue(e.getMessage().contains("'(enforce)'"), e.getMessage());
    }
}
