package org.bulkhead.model.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.bulkhead.model.host.HostEnforcement;
import org.bulkhead.model.session.DomainInspector;
import org.bulkhead.model.host.HostCapabilities;
import org.bulkhead.model.hostsec.ProcessLabel;
import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.hypervisor.RuntimeLabel;
import org.bulkhead.model.isolation.DomainEnforcement.Verdict;
import org.bulkhead.model.host.HostContext;
import org.junit.jupiter.api.Test;

/**
 * A VM is enforced only when the host enforces and its own process type, profile or user is not
 * exempt; whatever could not be checked never reads as enforced.
 */
class DomainEnforcementTest {

    private static final String UUID = "5a1d3c4e-0000-4000-8000-000000000001";
    private static final String VM = "system_u:system_r:svirt_t:s0:c12,c345";
    private static final String BASE = "system_u:system_r:svirt_t:s0";

    private final FakeHostSecurity kernel = new FakeHostSecurity();
    private final DomainInspector inspector = new DomainInspector(info -> Optional.of(kernel));

    @Test
    void aVmOfAnEnforcedTypeOnAnEnforcingHostIsEnforcedAndIsolated() {
        DomainSecurity security = running(selinuxHost(), VM);
        assertEquals(Verdict.ENFORCED, security.domainEnforcement().verdict(), security.domainEnforcement().reason());
        assertEquals(Trust.Level.ISOLATED, security.trust().level(), security.trust().reason());
    }

    @Test
    void aPermissiveTypeMakesTheVmLoggedOnlyThoughTheHostEnforces() {
        kernel.permissiveTypes.add("svirt_t");
        DomainSecurity security = running(selinuxHost(), VM);
        assertEquals(HostEnforcement.ENFORCING, security.enforcement(), "the host itself still enforces");
        assertEquals(Verdict.LOGGED, security.domainEnforcement().verdict());
        assertEquals("permissive type", security.domainEnforcement().shortText());
        assertTrue(security.domainEnforcement().reason().startsWith(
                "permissive type svirt_t: denials logged, not enforced"), security.domainEnforcement().reason());
        assertEquals(Trust.Level.WEAK, security.trust().level());
        assertTrue(security.trust().reason().contains("permissive type svirt_t"), security.trust().reason());
    }

    @Test
    void anotherTypeBeingPermissiveDoesNotTouchThisVm() {
        kernel.permissiveTypes.add("virtd_t");
        assertEquals(Verdict.ENFORCED, running(selinuxHost(), VM).domainEnforcement().verdict());
    }

    @Test
    void aStoppedDynamicVmIsJudgedByTheTypeItWillRunUnder() {
        kernel.permissiveTypes.add("svirt_t");
        DomainRecord stopped = new DomainRecord(UUID, "web", DomainState.SHUT_OFF,
                xml("<seclabel type='dynamic' model='selinux' relabel='yes'/>"));
        DomainSecurity security = inspector.snapshot(selinuxHost(), stopped).security();
        assertEquals(Verdict.LOGGED, security.domainEnforcement().verdict(), security.domainEnforcement().reason());
    }

    @Test
    void theProcessTypeTheKernelReportsWinsOverTheLabelInTheXml() {
        kernel.processes.put(42L, new ProcessLabel(42, Optional.of("unconfined_u:unconfined_r:unconfined_t:s0"), 0, 0));
        DomainSecurity security = running(selinuxHost(), VM);
        assertEquals(Verdict.UNCONFINED, security.domainEnforcement().verdict());
        assertEquals(Trust.Level.UNCONFINED, security.trust().level(), security.trust().reason());
        assertTrue(security.trust().reason().contains("unconfined_t"), security.trust().reason());
    }

    @Test
    void aStaticLabelOfATypeOfItsOwnIsCheckedWithTheHostToo() {
        kernel.permissiveTypes.add("my_vm_t");
        DomainSecurity security = running(selinuxHost(), "system_u:system_r:my_vm_t:s0:c1,c2");
        assertEquals(Verdict.LOGGED, security.domainEnforcement().verdict(), security.domainEnforcement().reason());
        assertTrue(security.domainEnforcement().reason().contains("my_vm_t"));
    }

    @Test
    void aPolicyThatCannotBeReadLeavesTheVmNotCheckedNeverEnforced() {
        kernel.readable = false;
        DomainSecurity security = running(selinuxHost(), VM);
        assertEquals(Verdict.NOT_CHECKED, security.domainEnforcement().verdict());
        assertNotEquals(Trust.Level.ISOLATED, security.trust().level(), security.trust().reason());
    }

    @Test
    void aRemoteHostThatLibvirtCallsEnforcingIsNotCheckedPerVm() {
        DomainInspector blind = new DomainInspector(info -> Optional.empty());
        HostContext remote = new HostContext(new HostInfo("qemu+tcp://far/system", "far", "QEMU", "7", "9", false),
                capabilities("selinux"), List.of("selinux", "dac"), HostEnforcement.UNKNOWN_REMOTE, Optional.empty(),
                Map.of("domain", BASE), List.of());
        DomainRecord record = new DomainRecord(UUID, "web", DomainState.RUNNING,
                xml("<seclabel type='dynamic' model='selinux' relabel='yes'><label>" + VM + "</label></seclabel>"),
                OptionalLong.of(42), Optional.of(new RuntimeLabel(VM, true)));
        DomainSecurity security = blind.snapshot(remote, record).security();
        assertEquals(HostEnforcement.ENFORCING, security.enforcement(), "libvirt's word for the host");
        assertEquals(Verdict.NOT_CHECKED, security.domainEnforcement().verdict());
        assertEquals(Trust.Level.WEAK, security.trust().level(), security.trust().reason());
    }

    @Test
    void aPermissiveHostEnforcesNoVm() {
        kernel.mode = SecurityDriverInfo.Enforcement.PERMISSIVE;
        DomainSecurity security = running(host("selinux", HostEnforcement.PERMISSIVE), VM);
        assertEquals(Verdict.LOGGED, security.domainEnforcement().verdict());
        assertEquals("permissive", security.domainEnforcement().shortText());
    }

    @Test
    void anAppArmorProfileInComplainModeIsLoggedOnly() {
        String profile = "libvirt-" + UUID;
        kernel.profiles = Map.of(profile, "complain");
        DomainSecurity security = running(host("apparmor", HostEnforcement.ENFORCING), profile);
        assertEquals(Verdict.LOGGED, security.domainEnforcement().verdict(), security.domainEnforcement().reason());
        assertTrue(security.domainEnforcement().reason().contains("complain mode"));

        kernel.profiles = Map.of(profile, "enforce");
        assertEquals(Verdict.ENFORCED, running(host("apparmor", HostEnforcement.ENFORCING), profile)
                .domainEnforcement().verdict());

        kernel.profiles = null;
        assertEquals(Verdict.NOT_CHECKED, running(host("apparmor", HostEnforcement.ENFORCING), profile)
                .domainEnforcement().verdict(), "the profile list is root-only");
    }

    @Test
    void aDacVmRunningAsRootIsUnconfined() {
        DomainSecurity asRoot = running(host("dac", HostEnforcement.DAC_ONLY), "+0:+0");
        assertEquals(Verdict.UNCONFINED, asRoot.domainEnforcement().verdict());
        assertEquals(Trust.Level.UNCONFINED, asRoot.trust().level());
        DomainSecurity own = running(host("dac", HostEnforcement.DAC_ONLY), "+200001:+64055");
        assertEquals(Verdict.ENFORCED, own.domainEnforcement().verdict());
        assertEquals(Trust.Level.ISOLATED, own.trust().level(), own.trust().reason());
    }

    private HostContext selinuxHost() {
        return host("selinux", HostEnforcement.ENFORCING);
    }

    private HostContext host(String model, HostEnforcement enforcement) {
        kernel.model = model;
        List<String> models = model.equals("dac") ? List.of("none", "dac") : List.of(model, "dac");
        return new HostContext(new HostInfo("qemu:///system", "here", "QEMU", "7", "9", true), capabilities(model),
                models, enforcement, Optional.of(kernel.driver()),
                Map.of("domain", BASE, "dac", "+64055:+64055"), List.of(), kernel.enforcementFacts(Set.of(BASE)));
    }

    private DomainSecurity running(HostContext host, String label) {
        String model = host.models().contains("apparmor") ? "apparmor" : host.models().contains("selinux") ? "selinux"
                : "dac";
        String type = model.equals("dac") ? "static" : "dynamic";
        DomainRecord record = new DomainRecord(UUID, "web", DomainState.RUNNING,
                xml("<seclabel type='" + type + "' model='" + model + "' relabel='yes'><label>" + label
                        + "</label></seclabel>"), OptionalLong.of(42), Optional.empty());
        return inspector.snapshot(host, record).security();
    }

    private static String xml(String seclabel) {
        return "<domain type='qemu'><name>web</name><uuid>" + UUID + "</uuid>" + seclabel + "</domain>";
    }

    private static HostCapabilities capabilities(String model) {
        return HostCapabilities.parse("<capabilities><host><uuid>00000000-0000-0000-0000-000000000001</uuid>"
                + "<cpu><arch>x86_64</arch></cpu><secmodel><model>" + model + "</model><doi>0</doi></secmodel>"
                + "</host></capabilities>");
    }
}
