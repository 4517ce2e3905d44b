package org.bulkhead.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bulkhead.hostsec.LocalHostFiles;
import org.bulkhead.hostsec.LocalHostSecurity;
import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.NetworkInfo;
import org.bulkhead.model.hypervisor.StoragePoolInfo;
import org.bulkhead.model.provision.HostSetup;
import org.bulkhead.model.provision.VmCreation;
import org.bulkhead.model.provision.LabelLedgers;
import org.bulkhead.model.provision.PreflightFinding;
import org.bulkhead.model.provision.ProvisionOutcome;
import org.bulkhead.model.provision.ProvisionStep;
import org.bulkhead.model.provision.Verification;
import org.bulkhead.model.testing.ScriptedHypervisor;
import org.bulkhead.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A new user on a freshly installed libvirtd (no storage pool, the default NAT network defined
 * but not running) keeps every default of the wizard but the install source and still gets an
 * isolated VM that runs and is verified: Finish creates libvirt's usual pool and starts the
 * network, both said on the summary first, and undoes both when a later step fails.
 */
@Tag("real-libvirt")
class RealFreshHostWizardTest {

    private static final String NETWORK = "default";

    private final String prefix = WizardFixtures.uniqueName("fresh");
    private final List<NewVmWizardViewModel> wizards = new ArrayList<>();
    private String uri;
    private HypervisorConnection check;

    @BeforeEach
    void freshDaemon() {
        uri = System.getProperty("bulkhead.libvirt.uri", "");
        Assumptions.assumeFalse(uri.isBlank(), "bulkhead.libvirt.uri is not set: no real libvirtd to test against");
        check = new LibvirtHypervisor().open(uri);
        Assumptions.assumeTrue(check.storagePools().isEmpty(),
                "this daemon already has storage pools; the test needs one as freshly installed");
        Assumptions.assumeTrue(check.networks().contains(new NetworkInfo(NETWORK, false)),
                "this daemon's default network is missing or already running; the test needs it defined and stopped");
    }

    @AfterEach
    void putTheDaemonBack() {
        wizards.forEach(NewVmWizardViewModel::close);
        if (check == null) {
            return;
        }
        try {
            WizardFixtures.removeDomains(check, prefix);
        } finally {
            if (check.networks().contains(new NetworkInfo(NETWORK, true))) {
                check.stopNetwork(NETWORK);
            }
            if (check.storagePools().stream().anyMatch(p -> p.name().equals(HostSetup.DEFAULT_POOL))) {
                check.removePool(HostSetup.DEFAULT_POOL);
            }
            check.close();
        }
    }

    private NewVmWizardViewModel wizard(Hypervisor hypervisor) {
        VmCreation.Ports services = WizardFixtures.services(hypervisor, Optional.of(LocalHostSecurity.create()),
                Optional.of(new LocalHostFiles()), LabelLedgers.withDefaults());
        NewVmWizardViewModel wizard = new NewVmWizardViewModel(services, new SameThreadTaskExecutor(), Runnable::run,
                List.of(uri));
        wizards.add(wizard);
        return wizard;
    }

    /** A name and "boot from the network" (an ISO would need a file); every other answer as the wizard offers it. */
    private ProvisionOutcome keepTheDefaults(NewVmWizardViewModel wizard, String name) {
        assertTrue(wizard.isolatedProperty().get(), "Isolated is on by default");
        wizard.nameProperty().set(name);
        wizard.next();
        wizard.sourceKindProperty().set(SourceKind.NETWORK);
        wizard.next();
        assertEquals(wizard.emulatedProperty().get(), !wizard.emulationNoteProperty().get().isEmpty(),
                "the wizard says why it emulates exactly when it does: " + wizard.emulationNoteProperty().get());
        wizard.next();
        assertTrue(wizard.newVolumeProperty().get(), "a new disk by default");
        assertEquals(HostSetup.DEFAULT_POOL, wizard.poolProperty().get());
        assertTrue(wizard.poolNoteProperty().get().contains(HostSetup.DEFAULT_POOL_PATH), wizard.poolNoteProperty().get());
        wizard.next();
        assertTrue(wizard.natNetworkProperty().get(), "the default NAT network by default");
        wizard.next();
        assertEquals(WizardPage.SUMMARY, wizard.pageProperty().get(), wizard.pageErrorProperty().get());
        PreflightFinding setup = wizard.findings().stream()
                .filter(f -> f.check() == PreflightFinding.Check.HOST_SETUP).findFirst().orElseThrow();
        assertTrue(setup.explanation().contains("create the storage pool 'default'"), setup.explanation());
        assertTrue(setup.explanation().contains("start the network 'default'"), setup.explanation());
        assertTrue(setup.command().orElseThrow().contains("virsh net-start default"), setup.command().toString());
        assertTrue(wizard.findings().stream().noneMatch(f -> f.status() == PreflightFinding.Status.BLOCKING),
                "nothing blocks a VM made with the defaults: " + wizard.findings());
        wizard.acknowledgeWarningsProperty().set(true);
        wizard.finish();
        return wizard.outcomeProperty().get();
    }

    @Test
    void theDefaultsMakeAVerifiedIsolatedVmOnADaemonWithNoPoolAndAStoppedNetwork() {
        ProvisionOutcome outcome = keepTheDefaults(wizard(new LibvirtHypervisor()), prefix + "-vm");

        assertTrue(outcome.succeeded(), outcome.failure() + " / rolled back: " + outcome.rollback());
        assertTrue(outcome.started());
        assertEquals(Verification.Verdict.VERIFIED, outcome.verification().orElseThrow().verdict(),
                outcome.verification().toString());
        StoragePoolInfo pool = check.storagePools().stream().filter(p -> p.name().equals(HostSetup.DEFAULT_POOL))
                .findFirst().orElseThrow();
        assertTrue(pool.active());
        assertEquals(Optional.of(HostSetup.DEFAULT_POOL_PATH), pool.targetPath());
        assertTrue(check.networks().contains(new NetworkInfo(NETWORK, true)), "the network runs for the VM");
        assertTrue(check.domain(outcome.uuid()).orElseThrow().state().isActive());
    }

    @ParameterizedTest
    @ValueSource(strings = {"createDirPool", "startNetwork", "createVolume", "start"})
    void aFailureAfterPreparingTheHostUndoesThePoolAndTheNetworkToo(String step) {
        ProvisionOutcome outcome = keepTheDefaults(wizard(new ScriptedHypervisor(new LibvirtHypervisor()).failAfter(step)),
                prefix + "-fail");

        assertFalse(outcome.succeeded());
        assertTrue(outcome.failure().orElseThrow().contains("injected failure"), outcome.failure().toString());
        if (step.equals("createDirPool") || step.equals("startNetwork")) {
            assertEquals(Optional.of(ProvisionStep.PREPARE_HOST), outcome.failedStep());
        }
        assertTrue(check.domain(outcome.uuid()).isEmpty(), "the domain is undefined");
        assertEquals(List.of(), check.storagePools(), "the pool Finish created is removed: " + outcome.rollback());
        assertTrue(check.networks().contains(new NetworkInfo(NETWORK, false)),
                "the network Finish started is stopped again: " + outcome.rollback());
        assertTrue(outcome.rollback().stream().noneMatch(line -> line.startsWith("could not")),
                outcome.rollback().toString());
    }
}
