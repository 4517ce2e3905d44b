package org.bulkhead.model.host;

import org.bulkhead.model.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class HostCapabilitiesTest {

    @Test
    void aPlainHostOffersNoneFirstAndDacWithTheQemuUser() {
        HostCapabilities caps = HostCapabilities.parse(Fixtures.read("host/caps-dac.xml"));
        assertEquals(Optional.of("8b1d2a9e-52f7-4d5c-9a1e-0c3b7f6e2d41"), caps.hostUuid());
        assertEquals("x86_64", caps.arch());
        assertEquals(List.of("none", "dac"), caps.secModels().stream().map(SecModel::model).toList());
        assertEquals("none", caps.primary().orElseThrow().model());
        assertEquals(Map.of(), caps.primary().orElseThrow().baseLabels());
        SecModel dac = caps.model("dac").orElseThrow();
        assertEquals("0", dac.doi());
        assertEquals(Map.of("kvm", "+64055:+64055", "qemu", "+64055:+64055"), dac.baseLabels());
        assertEquals(java.util.Set.of("qemu", "kvm"), caps.virtTypes());
        assertTrue(caps.offersKvm());
    }

    @Test
    void anSelinuxHostOffersSelinuxFirstWithItsBaseLabelsThenDac() {
        HostCapabilities caps = HostCapabilities.parse(Fixtures.read("host/caps-selinux.xml"));
        SecModel selinux = caps.primary().orElseThrow();
        assertEquals("selinux", selinux.model());
        assertEquals("system_u:system_r:svirt_t:s0", selinux.baseLabels().get("kvm"));
        assertEquals("system_u:system_r:svirt_t:s0", selinux.baseLabels().get("qemu"));
        assertEquals(List.of("kvm", "qemu"), List.copyOf(selinux.baseLabels().keySet()), "document order");
        assertTrue(caps.model("dac").isPresent());
        assertEquals(Optional.empty(), caps.model("apparmor"));
    }

    @Test
    void theTestDriverReportsTestSecurityWithAnEmptyDoiAndNoHostUuid() {
        HostCapabilities caps = HostCapabilities.parse(Fixtures.read("host/caps-test.xml"));
        assertEquals(Optional.empty(), caps.hostUuid());
        assertEquals("i686", caps.arch());
        SecModel model = caps.primary().orElseThrow();
        assertEquals("testSecurity", model.model());
        assertEquals("", model.doi());
        assertEquals(1, caps.secModels().size());
        assertEquals(java.util.Set.of("test"), caps.virtTypes());
        assertFalse(caps.offersKvm());
    }

    @Test
    void aHostWithoutSecmodelsHasNoPrimary() {
        HostCapabilities caps = HostCapabilities.parse(
                "<capabilities><host><cpu><arch>aarch64</arch></cpu></host></capabilities>");
        assertEquals(Optional.empty(), caps.primary());
        assertEquals("aarch64", caps.arch());
        assertTrue(caps.virtTypes().isEmpty());
    }

    @Test
    void onlyFullVirtualizationGuestsOfTheHostsOwnArchitectureCount() {
        HostCapabilities caps = HostCapabilities.parse("""
                <capabilities><host><cpu><arch>x86_64</arch></cpu></host>
                  <guest><os_type>hvm</os_type><arch name='i686'><domain type='kvm'/></arch></guest>
                  <guest><os_type>xen</os_type><arch name='x86_64'><domain type='xen'/></arch></guest>
                  <guest><os_type>hvm</os_type><arch name='x86_64'><domain type='qemu'/></arch></guest>
                </capabilities>""");
        assertEquals(java.util.Set.of("qemu"), caps.virtTypes());
        assertFalse(caps.offersKvm(), "KVM for another architecture does not help this host's guests");
    }

    @Test
    void malformedOrIncompleteCapabilitiesAreRefusedWithAMessage() {
        CapabilitiesXmlException malformed = assertThrows(CapabilitiesXmlException.class,
                () -> HostCapabilities.parse("<capabilities><host>"));
        assertTrue(malformed.getMessage().startsWith("Malformed"), malformed.getMessage());
        CapabilitiesXmlException noArch = assertThrows(CapabilitiesXmlException.class,
                () -> HostCapabilities.parse("<capabilities><host><cpu/></host></capabilities>"));
        assertTrue(noArch.getMessage().contains("<arch>"), noArch.getMessage());
        CapabilitiesXmlException wrongRoot = assertThrows(CapabilitiesXmlException.class,
                () -> HostCapabilities.parse("<domain><name>x</name></domain>"));
        assertTrue(wrongRoot.getMessage().contains("<domain>"), wrongRoot.getMessage());
    }
}
