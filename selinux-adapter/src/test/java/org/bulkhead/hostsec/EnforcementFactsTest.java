package org.bulkhead.hostsec;

import org.bulkhead.hostsec.driver.HostFacts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulkhead.model.hostsec.EnforcementFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What this machine's policy says about VMs' types and profiles: libselinux's access decision
 * (through a fake here, this kernel has no SELinux) and AppArmor's profile list (a fake sysfs).
 */
class EnforcementFactsTest {

    private static final String SVIRT = "system_u:system_r:svirt_t:s0:c1,c2";
    private static final String TCG = "system_u:system_r:svirt_tcg_t:s0";

    private Path dir;
    private HostFacts linux;

    @BeforeEach
    void emptySysfs() throws IOException {
        dir = RealHost.scratch("facts");
        linux = HostFacts.thisHost().withSysRoot(Files.createDirectory(dir.resolve("sys")))
                .withLibselinux(Optional.empty()).withOsName("Linux");
    }

    @AfterEach
    void cleanUp() throws IOException {
        RealHost.delete(dir);
    }

    @Test
    void eachTypeIsReportedPermissiveOrNotAsThePolicyDecides() {
        var lib = new FakeLibselinux();
        lib.permissiveTypes.add("svirt_tcg_t");
        EnforcementFacts facts = LocalHostSecurity.create(linux.withLibselinux(Optional.of(lib)))
                .enforcementFacts(Set.of(SVIRT, TCG));
        assertEquals(Map.of("svirt_t", false, "svirt_tcg_t", true), facts.permissiveTypes());
    }

    @Test
    void aContextThePolicyRejectsIsLeftUncheckedWithANote() {
        var lib = new FakeLibselinux();
        EnforcementFacts facts = LocalHostSecurity.create(linux.withLibselinux(Optional.of(lib)))
                .enforcementFacts(Set.of("system_u:system_r:nosuch_t:s0"));
        assertEquals(Optional.empty(), facts.permissive("nosuch_t"), "not checked is not enforced");
        assertTrue(facts.notes().get(0).contains("nosuch_t"), facts.notes().toString());
    }

    @Test
    void withoutSelinuxNoTypeIsCheckedAtAll() {
        EnforcementFacts facts = LocalHostSecurity.create().enforcementFacts(Set.of(SVIRT));
        assertEquals(Map.of(), facts.permissiveTypes());
    }

    @Test
    void appArmorProfilesAreReadWithTheirModes() throws IOException {
        Path parameters = Files.createDirectories(linux.sysRoot().resolve("module/apparmor/parameters"));
        Files.writeString(parameters.resolve("enabled"), "Y\n");
        Path securityfs = Files.createDirectories(linux.sysRoot().resolve("kernel/security/apparmor"));
        Files.writeString(securityfs.resolve("profiles"), "libvirt-0b4c (complain)\n/usr/sbin/libvirtd (enforce)\n"
                + "virt-aa-helper (enforce)\n");
        EnforcementFacts facts = LocalHostSecurity.create(linux).enforcementFacts(Set.of());
        assertEquals(Optional.of(Map.of("libvirt-0b4c", "complain", "/usr/sbin/libvirtd", "enforce",
                "virt-aa-helper", "enforce")), facts.profileModes());
    }

    @Test
    void anAppArmorHostWhoseProfileListIsUnreadableSaysSo() throws IOException {
        Path parameters = Files.createDirectories(linux.sysRoot().resolve("module/apparmor/parameters"));
        Files.writeString(parameters.resolve("enabled"), "Y\n");
        Files.createDirectories(linux.sysRoot().resolve("kernel/security/apparmor"));
        EnforcementFacts facts = LocalHostSecurity.create(linux).enforcementFacts(Set.of());
        assertEquals(Optional.empty(), facts.profileModes());
        assertTrue(facts.notes().get(0).contains("root only"), facts.notes().toString());
    }
}
