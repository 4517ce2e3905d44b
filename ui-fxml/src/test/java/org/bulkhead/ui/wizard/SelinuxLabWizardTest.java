package org.bulkhead.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bulkhead.libvirt.LabHostSecurity;
import org.bulkhead.libvirt.LibvirtConnection;
import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.libvirt.SelinuxLab;
import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.label.SecurityContext;
import org.bulkhead.model.provision.LabelLedgers;
import org.bulkhead.model.provision.VmCreation;
import org.bulkhead.model.provision.ProvisionOutcome;
import org.bulkhead.model.provision.Verification;
import org.bulkhead.model.session.DomainInspector;
import org.bulkhead.model.security.DomainSecurity;
import org.bulkhead.model.security.ResourceCheck;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The New VM wizard's view model against the SELinux-enforcing lab, as a user would use it:
 * Isolated left on gives each VM a dynamic MCS pair of its own that its image carries, and the
 * advanced "pin label" option gives a static label that survives a restart. The lab's files are
 * read over SSH, which is how Bulkhead's verification reaches that host here.
 */
@Tag("selinux-lab")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelinuxLabWizardTest {

    private static final String POOL = "default";

    private final String prefix = WizardFixtures.uniqueName("lab");
    private final LabelLedgers ledgers = LabelLedgers.withDefaults();
    private final List<NewVmWizardViewModel> wizards = new ArrayList<>();
    private String uri;
    private LibvirtConnection check;
    private DomainInspector inspector;
    private VmCreation.Ports services;

    @BeforeAll
    void connect() {
        uri = SelinuxLab.uri();
        check = SelinuxLab.open();
        HostSecurity lab = LabHostSecurity.probe();
        inspector = new DomainInspector(info -> Optional.of(lab));
        services = new VmCreation.Ports(new LibvirtHypervisor(), inspector::probeHost, inspector, Optional.of(lab),
                Optional.empty(), ledgers);
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

    /** A small VM through every page; Isolated as the wizard offers it, pinned or not. */
    private ProvisionOutcome create(String name, boolean pin) {
        NewVmWizardViewModel wizard = new NewVmWizardViewModel(services, new SameThreadTaskExecutor(), Runnable::run,
                List.of(uri));
        wizards.add(wizard);
        assertTrue(wizard.isolatedProperty().get(), "Isolated is on by default");
        WizardFixtures.smallVmToSummary(wizard, name, true, pin, POOL);
        String summary = wizard.summaryLabelProperty().get();
        if (pin) {
            assertTrue(summary.startsWith("system_u:system_r:svirt_t:s0:c"), summary);
        } else {
            assertEquals("libvirt will allocate a unique pair at start", summary);
        }
        ProvisionOutcome outcome = WizardFixtures.finish(wizard);
        assertTrue(outcome.succeeded(), outcome.failure() + " / rolled back: " + outcome.rollback());
        assertEquals(Verification.Verdict.VERIFIED, outcome.verification().orElseThrow().verdict(),
                outcome.verification().toString());
        SelinuxLab.report("wizard made " + name + ": " + outcome.verification().orElseThrow().lines());
        return outcome;
    }

    private DomainSecurity security(String uuid) {
        HostContext host = inspector.probeHost(check);
        return inspector.snapshot(host, check.domain(uuid).orElseThrow()).security();
    }

    private String image(String uuid) {
        DomainSpec spec = DomainXml.parse(check.domain(uuid).orElseThrow().xml());
        return spec.disks().get(0).path().orElseThrow();
    }

    @Test
    void twoIsolatedVmsGetPairsOfTheirOwnAndEachImageCarriesItsVmsPair() {
        ProvisionOutcome a = create(prefix + "-a", false);
        ProvisionOutcome b = create(prefix + "-b", false);

        DomainSecurity securityA = security(a.uuid());
        DomainSecurity securityB = security(b.uuid());
        SecurityContext labelA = SecurityContext.parse(securityA.label().orElseThrow());
        SecurityContext labelB = SecurityContext.parse(securityB.label().orElseThrow());
        assertEquals("svirt_t", labelA.type());
        assertNotEquals(labelA.mcsPair().orElseThrow(), labelB.mcsPair().orElseThrow(),
                "two isolated VMs made by the wizard share no MCS pair");

        String fileA = SelinuxLab.fileLabel(image(a.uuid()));
        String fileB = SelinuxLab.fileLabel(image(b.uuid()));
        assertEquals(securityA.imageLabel().orElseThrow(), fileA, "a's new volume carries a's image label");
        assertEquals(securityB.imageLabel().orElseThrow(), fileB, "b's new volume carries b's image label");
        assertTrue(fileA.endsWith(labelA.mcsPair().orElseThrow().toString()), fileA + " vs " + labelA);
        SelinuxLab.report("wizard VMs: a " + labelA + " (image " + fileA + "), b " + labelB + " (image " + fileB + ")");
    }

    @Test
    void aPinnedLabelIsTheSameAfterARestartAndItsImageFollowsIt() {
        ProvisionOutcome pinned = create(prefix + "-pinned", true);
        SecLabel seclabel = DomainXml.parse(check.domain(pinned.uuid()).orElseThrow().xml()).seclabel("selinux")
                .orElseThrow();
        String label = seclabel.label().orElseThrow();
        assertEquals("static", seclabel.type().orElseThrow().xmlName(), "pinned means a static label");
        assertEquals(label, security(pinned.uuid()).label().orElseThrow(), "it runs under the pinned label");

        check.destroy(pinned.uuid());
        assertEquals(DomainState.SHUT_OFF, check.domain(pinned.uuid()).orElseThrow().state());
        check.start(pinned.uuid());

        DomainSecurity again = security(pinned.uuid());
        assertEquals(label, again.label().orElseThrow(), "the same label after a restart");
        String range = SecurityContext.parse(label).mcsPair().orElseThrow().toString();
        String file = SelinuxLab.fileLabel(image(pinned.uuid()));
        assertTrue(file.startsWith("system_u:object_r:svirt_image_t:") && file.endsWith(range), file);
        for (ResourceCheck resource : again.resources()) {
            assertNotEquals(ResourceCheck.Verdict.MISMATCH, resource.verdict(),
                    resource.planned().resource() + ": " + resource.detail());
        }
        SelinuxLab.report("pinned " + label + " kept across a restart; image " + file);
    }
}
