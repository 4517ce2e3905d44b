package org.bulkhead.model.label;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SecurityModelTest {

    @ParameterizedTest
    @EnumSource(SecurityModel.class)
    void everyModelIsFoundByItsLibvirtName(SecurityModel model) {
        assertEquals(Optional.of(model), SecurityModel.fromLibvirtName(model.libvirtName()));
    }

    @Test
    void libvirtNamesAreTheOnesInCapabilities() {
        assertEquals("testSecurity", SecurityModel.TEST.libvirtName());
        assertEquals("selinux", SecurityModel.SELINUX.libvirtName());
        assertEquals(Optional.empty(), SecurityModel.fromLibvirtName("SELinux"));
        assertEquals(Optional.empty(), SecurityModel.fromLibvirtName("smack"));
    }

    @Test
    void onlyRealDriversEnforceAnything() {
        assertTrue(SecurityModel.SELINUX.enforcesAnything());
        assertTrue(SecurityModel.APPARMOR.enforcesAnything());
        assertTrue(SecurityModel.DAC.enforcesAnything());
        assertFalse(SecurityModel.NONE.enforcesAnything());
        assertFalse(SecurityModel.TEST.enforcesAnything());
    }

    @ParameterizedTest(name = "{0} accepts \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "SELINUX|system_u:system_r:svirt_t:s0:c1,c2",
            "TEST|system_u:system_r:svirt_t:s0:c1,c2",
            "DAC|+107:+107",
            "APPARMOR|libvirt-6695eb01-f6a4-8304-79aa-97f2502e193f",
            "APPARMOR|''",
            "NONE|''",
    })
    void eachModelAcceptsLabelsInItsOwnFormat(SecurityModel model, String label) {
        assertDoesNotThrow(() -> model.validateLabel(label));
    }

    @ParameterizedTest(name = "{0} rejects \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "SELINUX|+107:+107",
            "SELINUX|''",
            "TEST|libvirt-test",
            "DAC|system_u:system_r:svirt_t:s0",
            "DAC|''",
            "APPARMOR|libvirt test",
            "NONE|system_u:system_r:svirt_t:s0",
    })
    void eachModelRejectsLabelsInAnotherFormat(SecurityModel model, String label) {
        var e = assertThrows(LabelFormatException.class, () -> model.validateLabel(label));
        assertTrue(e.getMessage().contains(label), e.getMessage());
    }
}
