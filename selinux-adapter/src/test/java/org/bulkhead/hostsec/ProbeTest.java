package org.bulkhead.hostsec;

import org.bulkhead.hostsec.driver.HostFacts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulkhead.hostsec.driver.SecurityDriver;
import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.bulkhead.model.hostsec.SecurityDriverInfo.Enforcement;
import org.bulkhead.model.label.LabelFormatException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver table on this host (no LSM: dac) and, through a fake sysfs and a fake libselinux,
 * on the hosts this machine is not.
 */
class ProbeTest {

    private static final String KVM_DOMAIN = "system_u:system_r:svirt_t:s0";
    private static final String TCG_DOMAIN = "system_u:system_r:svirt_tcg_t:s0";
    private static final String IMAGE = "system_u:object_r:svirt_image_t:s0";
    private static final String CONTENT = "system_u:object_r:virt_content_t:s0";

    private Path dir;
    private Path sys;
    private HostFacts linux;

    @BeforeEach
    void emptySysfs() throws IOException {
        dir = RealHost.scratch("probe");
        sys = Files.createDirectory(dir.resolve("sys"));
        linux = HostFacts.thisHost().withSysRoot(sys).withLibselinux(Optional.empty()).withOsName("Linux");
    }

    @AfterEach
    void cleanUp() throws IOException {
        RealHost.delete(dir);
    }

    @Test
    void thisHostWithoutAnLsmIsGovernedByDacOnly() {
        SecurityDriverInfo info = LocalHostSecurity.create().driver();

        assertEquals("dac", HostSecurityProbe.probe().model().libvirtName());
        assertEquals("dac", info.model());
        assertEquals("0", info.doi());
        assertEquals(Enforcement.DAC_ONLY, info.enforcement());
        assertEquals(Map.of(), info.baseContexts());
    }

    @Test
    void theRealLibselinuxHereSaysSelinuxIsOffSoItIsNotChosen() {
        assertTrue(HostFacts.thisHost().libselinux().isPresent(), "libselinux1 must be installed");
        assertFalse(HostFacts.thisHost().selinuxEnabled());
        assertEquals(-1, HostFacts.thisHost().libselinux().orElseThrow().securityGetenforce());
    }

    @Test
    void anEnforcingSelinuxHostReportsItsVirtContexts() throws IOException {
        var lib = selinuxWithContextFiles(KVM_DOMAIN + "\n" + TCG_DOMAIN + "\n", IMAGE + "\n" + CONTENT + "\n");

        SecurityDriverInfo info = probe(linux.withLibselinux(Optional.of(lib)));

        assertEquals("selinux", info.model());
        assertEquals("0", info.doi());
        assertEquals(Enforcement.ENFORCING, info.enforcement());
        assertEquals(Map.of("domain", KVM_DOMAIN, "domain.tcg", TCG_DOMAIN, "image", IMAGE, "content", CONTENT),
                info.baseContexts());
        assertEquals(List.of(), info.notes());
    }

    @Test
    void aPermissiveDebianHostHasNoTcgDomainLine() throws IOException {
        var lib = selinuxWithContextFiles(KVM_DOMAIN + "\n", IMAGE + "\n" + CONTENT + "\n");
        lib.enforce = 0;

        SecurityDriverInfo info = probe(linux.withLibselinux(Optional.of(lib)));

        assertEquals(Enforcement.PERMISSIVE, info.enforcement());
        assertEquals(Map.of("domain", KVM_DOMAIN, "image", IMAGE, "content", CONTENT), info.baseContexts());
    }

    @Test
    void missingVirtContextFilesAreNotedNotGuessed() {
        SecurityDriverInfo info = probe(linux.withLibselinux(Optional.of(new FakeLibselinux())));

        assertEquals("selinux", info.model());
        assertEquals(Map.of(), info.baseContexts());
        assertEquals(2, info.notes().size(), info.notes().toString());
        assertTrue(info.notes().get(0).contains("virtual_domain_context is missing"), info.notes().toString());
    }

    @Test
    void selinuxWinsOverAppArmorWhenBothApply() throws IOException {
        appArmor("Y", Optional.of("enforce"), Optional.empty());

        assertEquals("selinux", probe(linux.withLibselinux(Optional.of(new FakeLibselinux()))).model());
    }

    @Test
    void libselinuxThatSaysDisabledLeavesTheChoiceToTheNextDriver() throws IOException {
        var lib = new FakeLibselinux();
        lib.enabled = false;
        appArmor("Y", Optional.of("enforce"), Optional.empty());

        assertEquals("apparmor", probe(linux.withLibselinux(Optional.of(lib))).model());
    }

    @Test
    void anAppArmorHostInEnforceModeIsEnforcing() throws IOException {
        appArmor("Y", Optional.of("enforce"), Optional.of("libvirt-0b4c (enforce)\n/usr/sbin/libvirtd (complain)\n"));

        SecurityDriverInfo info = probe(linux);

        assertEquals("apparmor", info.model());
        assertEquals("0", info.doi());
        assertEquals(Enforcement.ENFORCING, info.enforcement());
        assertEquals(List.of("1 profiles in enforce mode, 1 in complain mode"), info.notes());
    }

    @Test
    void anAppArmorHostInComplainModeIsComplaining() throws IOException {
        appArmor("Y", Optional.of("complain"), Optional.empty());

        assertEquals(Enforcement.COMPLAIN, probe(linux).enforcement());
    }

    @Test
    void withoutTheModeEveryProfileInComplainMeansComplain() throws IOException {
        appArmor("Y", Optional.empty(), Optional.of("libvirt-0b4c (complain)\nlibvirt-77aa (complain)\n"));

        assertEquals(Enforcement.COMPLAIN, probe(linux).enforcement());
    }

    @Test
    void whenNothingIsReadableAppArmorIsAssumedEnforcingAndSaysSo() throws IOException {
        appArmor("Y", Optional.empty(), Optional.empty());

        SecurityDriverInfo info = probe(linux);

        assertEquals(Enforcement.ENFORCING, info.enforcement());
        assertTrue(info.notes().get(0).contains("root only"), info.notes().toString());
    }

    @Test
    void appArmorBuiltInButSwitchedOffFallsBackToDac() throws IOException {
        appArmor("N", Optional.of("enforce"), Optional.empty());

        assertEquals("dac", probe(linux).model());
    }

    @Test
    void appArmorWithoutItsSecurityfsFallsBackToDac() throws IOException {
        Path parameters = Files.createDirectories(sys.resolve("module/apparmor/parameters"));
        Files.writeString(parameters.resolve("enabled"), "Y\n");

        assertEquals("dac", probe(linux).model());
    }

    @Test
    void aKernelOtherThanLinuxConfinesNothingLocally() {
        SecurityDriverInfo info = probe(linux.withOsName("Mac OS X"));

        assertEquals("none", info.model());
        assertEquals(Enforcement.NONE, info.enforcement());
        assertTrue(info.notes().get(0).contains("Mac OS X"), info.notes().toString());
    }

    @Test
    void eachDriverRejectsLabelsInAnotherModelsFormat() {
        SecurityDriver dac = HostSecurityProbe.probe(linux);
        SecurityDriver selinux = HostSecurityProbe.probe(linux.withLibselinux(Optional.of(new FakeLibselinux())));

        dac.validateLabel("+200001:+64055");
        selinux.validateLabel(IMAGE);
        assertThrows(LabelFormatException.class, () -> dac.validateLabel(IMAGE));
        assertThrows(LabelFormatException.class, () -> selinux.validateLabel("+200001:+64055"));
    }

    private static SecurityDriverInfo probe(HostFacts host) {
        return HostSecurityProbe.probe(host).describe(host);
    }

    private FakeLibselinux selinuxWithContextFiles(String domain, String image) throws IOException {
        var lib = new FakeLibselinux();
        lib.domainContextPath = Files.writeString(dir.resolve("virtual_domain_context"), domain);
        lib.imageContextPath = Files.writeString(dir.resolve("virtual_image_context"), image);
        return lib;
    }

    private void appArmor(String enabled, Optional<String> mode, Optional<String> profiles) throws IOException {
        Path parameters = Files.createDirectories(sys.resolve("module/apparmor/parameters"));
        Files.writeString(parameters.resolve("enabled"), enabled + "\n");
        if (mode.isPresent()) {
            Files.writeString(parameters.resolve("mode"), mode.get() + "\n");
        }
        Path securityfs = Files.createDirectories(sys.resolve("kernel/security/apparmor"));
        if (profiles.isPresent()) {
            Files.writeString(securityfs.resolve("profiles"), profiles.get());
        }
    }
}
