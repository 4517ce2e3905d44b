package org.bulkhead.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.provision.HostFiles;
import org.bulkhead.model.provision.VmCreation;
import org.bulkhead.model.provision.LabelLedgers;
import org.bulkhead.model.provision.ProvisionOutcome;
import org.bulkhead.model.session.DomainInspector;

/** Wizard services on the real adapters, and the clean-up of what a test's wizard created. */
final class WizardFixtures {

    static final String TEST_URI = "test:///default";

    private WizardFixtures() {
    }

    static VmCreation.Ports services(Hypervisor hypervisor, Optional<HostSecurity> security, Optional<HostFiles> files,
            LabelLedgers ledgers) {
        DomainInspector inspector = new DomainInspector(security);
        return new VmCreation.Ports(hypervisor, inspector::probeHost, inspector, security, files, ledgers);
    }

    static VmCreation.Ports testDriver() {
        return services(new LibvirtHypervisor(), Optional.empty(), Optional.empty(), LabelLedgers.withDefaults());
    }

    /**
     * Goes through every page to the summary with a small VM that real tests can start anywhere:
     * network boot, 64 MiB under TCG, a new 1 GiB (sparse) volume in {@code pool}, no NIC.
     */
    static void smallVmToSummary(NewVmWizardViewModel wizard, String name, boolean isolated, boolean pin,
            String pool) {
        assertEquals("", wizard.isolationUnavailableProperty().get(), "this host can isolate");
        wizard.nameProperty().set(name);
        wizard.isolatedProperty().set(isolated);
        wizard.pinLabelProperty().set(pin);
        wizard.next();
        wizard.sourceKindProperty().set(SourceKind.NETWORK);
        wizard.next();
        wizard.memoryMiBProperty().set("64");
        wizard.emulatedProperty().set(true);
        wizard.next();
        wizard.newVolumeProperty().set(true);
        wizard.poolProperty().set(pool);
        wizard.diskGiBProperty().set("1");
        wizard.next();
        wizard.natNetworkProperty().set(false);
        wizard.next();
        assertEquals(WizardPage.SUMMARY, wizard.pageProperty().get(), wizard.pageErrorProperty().get());
    }

    /** Acknowledges the summary's warnings, presses Finish and returns what it did. */
    static ProvisionOutcome finish(NewVmWizardViewModel wizard) {
        wizard.acknowledgeWarningsProperty().set(true);
        assertTrue(wizard.canFinishProperty().get(), wizard.findings().toString());
        wizard.finish();
        return wizard.outcomeProperty().get();
    }

    static String uniqueName(String what) {
        return "bh-wiz-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Stops, undefines and deletes the volumes of every domain whose name starts with {@code prefix}. */
    static void removeDomains(HypervisorConnection connection, String prefix) {
        List<String> problems = new ArrayList<>();
        for (DomainRecord domain : connection.listDomains()) {
            if (!domain.name().startsWith(prefix)) {
                continue;
            }
            try {
                if (domain.state().isActive()) {
                    connection.destroy(domain.uuid());
                }
                connection.undefine(domain.uuid(), true);
            } catch (HypervisorException e) {
                problems.add(e.userMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("clean-up left things behind: " + problems);
        }
    }

    /** An ISO 9660 image with volume identifier {@code volumeId}, made by xorriso as installers' images are. */
    static java.nio.file.Path makeIso(java.nio.file.Path dir, String volumeId) {
        try {
            java.nio.file.Path content = java.nio.file.Files.createDirectories(dir.resolve("content"));
            java.nio.file.Files.writeString(content.resolve("README.txt"), "installer\n");
            java.nio.file.Path iso = dir.resolve("installer.iso");
            Process xorriso = new ProcessBuilder("xorriso", "-as", "mkisofs", "-quiet", "-V", volumeId, "-o",
                    iso.toString(), content.toString()).redirectErrorStream(true).start();
            String output = new String(xorriso.getInputStream().readAllBytes());
            if (!xorriso.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || xorriso.exitValue() != 0) {
                throw new AssertionError("xorriso could not make the test ISO: " + output);
            }
            return iso;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
