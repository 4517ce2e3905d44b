package org.bulkhead.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.provision.LabelLedgers;
import org.bulkhead.model.provision.VmCreation;
import org.bulkhead.model.provision.PreflightFinding;
import org.bulkhead.model.session.DomainInspector;
import org.bulkhead.model.host.HostEnforcement;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The wizard on hosts of other kinds, seen through test:///default with the host's security
 * models replaced: what the Isolated box turns into, and what happens where it cannot work.
 */
class WizardOnEachSecurityModelTest {

    private NewVmWizardViewModel wizard;

    private void open(List<String> models, HostEnforcement enforcement) {
        DomainInspector inspector = new DomainInspector(Optional.empty());
        Function<HypervisorConnection, HostContext> probe = connection -> {
            HostContext real = inspector.probeHost(connection);
            return new HostContext(real.info(), real.capabilities(), models, enforcement, Optional.empty(),
                    Map.of("domain", "system_u:system_r:svirt_t:s0", "image", "system_u:object_r:svirt_image_t:s0",
                            "content", "system_u:object_r:virt_content_t:s0", "dac", "+64055:+64055"), List.of());
        };
        wizard = new NewVmWizardViewModel(new VmCreation.Ports(new LibvirtHypervisor(), probe, inspector, Optional.empty(),
                Optional.empty(), LabelLedgers.withDefaults()), new SameThreadTaskExecutor(), Runnable::run,
                List.of(WizardFixtures.TEST_URI));
    }

    @AfterEach
    void close() {
        wizard.close();
    }

    private void toSummary() {
        wizard.nameProperty().set("bh-wiz-kinds");
        wizard.next();
        wizard.sourceKindProperty().set(SourceKind.NETWORK);
        wizard.next();
        wizard.next();
        wizard.next();
        wizard.next();
    }

    @Test
    void aHostWithoutSecurityDriverRequiresUncheckingIsolatedExplicitly() {
        open(List.of("none"), HostEnforcement.NONE);
        assertTrue(wizard.isolationUnavailableProperty().get().contains("no security driver"));
        wizard.nameProperty().set("bh-wiz-none");
        wizard.next();
        assertEquals(WizardPage.NAME, wizard.pageProperty().get(), "Isolated is never quietly dropped");
        assertTrue(wizard.pageErrorProperty().get().startsWith("This host cannot isolate the VM"));

        wizard.isolatedProperty().set(false);
        toSummary();
        assertEquals(WizardPage.SUMMARY, wizard.pageProperty().get(), wizard.pageErrorProperty().get());
        assertEquals("unconfined (no security driver)", wizard.summaryLabelProperty().get());
        assertTrue(wizard.findings().stream().anyMatch(f -> f.check() == PreflightFinding.Check.SECURITY_DRIVER
                && f.status() == PreflightFinding.Status.WARNING));
    }

    @Test
    void selinuxIsDynamicUnlessPinnedThenAStaticLedgerLabelWithRelabel() {
        open(List.of("selinux", "dac"), HostEnforcement.ENFORCING);
        assertTrue(wizard.pinAvailableProperty().get());
        toSummary();
        assertEquals("libvirt will allocate a unique pair at start", wizard.summaryLabelProperty().get());
        assertEquals(List.of(SecLabel.dynamic("selinux")), DomainXml.parse(wizard.domainXmlProperty().get()).seclabels());

        wizard.back();
        wizard.pinLabelProperty().set(true);
        wizard.next();
        String label = wizard.summaryLabelProperty().get();
        assertTrue(label.matches("system_u:system_r:svirt_t:s0:c\\d+,c\\d+"), label);
        assertEquals(List.of(SecLabel.fixed("selinux", label, true)),
                DomainXml.parse(wizard.domainXmlProperty().get()).seclabels());
    }

    @Test
    void dacIsAPrivateUidWithQemusGroupAndAPrivateVolume() {
        open(List.of("none", "dac"), HostEnforcement.DAC_ONLY);
        toSummary();
        String label = wizard.summaryLabelProperty().get();
        assertTrue(label.matches("\\+2\\d{5}:\\+64055"), label);
        assertTrue(wizard.domainXmlProperty().get().contains("relabel=\"yes\""), wizard.domainXmlProperty().get());
    }
}
