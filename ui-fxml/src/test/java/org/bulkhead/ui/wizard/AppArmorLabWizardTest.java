package org.bulkhead.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bulkhead.hostsec.ssh.SshHostSecurity;
import org.bulkhead.libvirt.AppArmorLab;
import org.bulkhead.libvirt.LibvirtConnection;
import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.hostsec.AppArmorFileRules;
import org.bulkhead.model.isolation.DomainEnforcement;
import org.bulkhead.model.provision.LabelLedgers;
import org.bulkhead.model.provision.ProvisionOutcome;
import org.bulkhead.model.provision.Verification;
import org.bulkhead.model.provision.VmCreation;
import org.bulkhead.model.security.DomainSecurity;
import org.bulkhead.model.security.ResourceCheck;
import org.bulkhead.model.session.DomainInspector;
import org.bulkhead.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The New VM wizard's view model against the AppArmor lab, as a user would use it: Isolated left
 * on gives each VM a profile of its own that lists its new volume and not the other VM's, and
 * Bulkhead's verification after Finish reads that profile back over SSH and calls it verified.
 */
@Tag("apparmor-lab")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppArmorLabWizardTest {

    private static final String POOL = "default";

    private final String prefix = WizardFixtures.uniqueName("aalab");
    private final List<NewVmWizardViewModel> wizards = new ArrayList<>();
    private String uri;
    private LibvirtConnection check;
    private SshHostSecurity lab;
    private DomainInspector inspector;
    private VmCreation.Ports services;

    @BeforeAll
    void connect() {
        uri = AppArmorLab.uri();
        check = AppArmorLab.open();
        lab = AppArmorLab.probe();
        inspector = new DomainInspector(info -> Optional.of(lab));
        services = new VmCreation.Ports(new LibvirtHypervisor(), inspector::probeHost, inspector, Optional.of(lab),
                Optional.empty(), LabelLedgers.withDefaults());
    }

    @AfterAll
    void removeWhatTheWizardsMade() {
        wizards.forEach(NewVmWizardViewModel::close);
        if (check != null) {
            try {
                WizardFixtures.removeDomains(check, prefix);
            } finally {
                check.close();
            }
        }
    }

    private ProvisionOutcome create(String name) {
        NewVmWizardViewModel wizard = new NewVmWizardViewModel(services, new SameThreadTaskExecutor(), Runnable::run,
                List.of(uri));
        wizards.add(wizard);
        assertTrue(wizard.isolatedProperty().get(), "Isolated is on by default");
        WizardFixtures.smallVmToSummary(wizard, name, true, false, POOL);
        String explanation = wizard.isolationExplanationProperty().get();
        assertTrue(explanation.contains("AppArmor profile") && explanation.contains("hard link or bind mount"),
                "the wizard says what AppArmor isolation is and is not: " + explanation);
        String summary = wizard.summaryLabelProperty().get();
        assertTrue(summary.startsWith("libvirt will load a profile libvirt-") && summary.endsWith(" at start"), summary);
        ProvisionOutcome outcome = WizardFixtures.finish(wizard);
        assertTrue(outcome.succeeded(), outcome.failure() + " / rolled back: " + outcome.rollback());
        assertEquals(Verification.Verdict.VERIFIED, outcome.verification().orElseThrow().verdict(),
                outcome.verification().toString());
        AppArmorLab.report("wizard made " + name + ": " + outcome.verification().orElseThrow().lines());
        return outcome;
    }

    @Test
    void twoIsolatedVmsGetProfilesOfTheirOwnThatListOnlyTheirOwnVolume() {
        ProvisionOutcome a = create(prefix + "-a");
        ProvisionOutcome b = create(prefix + "-b");

        DomainSecurity securityA = security(a.uuid());
        DomainSecurity securityB = security(b.uuid());
        assertEquals(Optional.of("libvirt-" + a.uuid()), securityA.label());
        assertEquals(Optional.of("libvirt-" + b.uuid()), securityB.label());
        assertNotEquals(securityA.label(), securityB.label());
        for (DomainSecurity security : List.of(securityA, securityB)) {
            assertEquals(DomainEnforcement.Verdict.ENFORCED, security.domainEnforcement().verdict(),
                    security.domainEnforcement().reason());
            assertTrue(security.resources().stream().anyMatch(r -> r.verdict() == ResourceCheck.Verdict.MATCH),
                    "the profile is compared with the plan: " + security.resources());
        }

        AppArmorFileRules rulesA = lab.appArmorFileRules("libvirt-" + a.uuid()).orElseThrow();
        AppArmorFileRules rulesB = lab.appArmorFileRules("libvirt-" + b.uuid()).orElseThrow();
        String imageA = image(a.uuid());
        String imageB = image(b.uuid());
        assertTrue(rulesA.access(imageA).isPresent(), "a's profile lists a's new volume: " + rulesA.rules());
        assertTrue(rulesB.access(imageB).isPresent(), "b's profile lists b's new volume: " + rulesB.rules());
        assertEquals(Optional.empty(), rulesA.access(imageB), "a's profile does not list b's volume");
        assertEquals(Optional.empty(), rulesB.access(imageA), "b's profile does not list a's volume");
        AppArmorLab.report("wizard VMs: a libvirt-" + a.uuid() + " lists " + imageA + " " + rulesA.access(imageA)
                .orElseThrow() + "; b libvirt-" + b.uuid() + " lists " + imageB + " " + rulesB.access(imageB)
                .orElseThrow());
    }

    private DomainSecurity security(String uuid) {
        HostContext host = inspector.probeHost(check);
        return inspector.snapshot(host, check.domain(uuid).orElseThrow()).security();
    }

    private String image(String uuid) {
        DomainSpec spec = DomainXml.parse(check.domain(uuid).orElseThrow().xml());
        return spec.disks().get(0).path().orElseThrow();
    }
}
