package org.bulkhead.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bulkhead.hostsec.LocalHostFiles;
import org.bulkhead.hostsec.LocalHostSecurity;
import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.label.DacLabel;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.provision.LabelLedgers;
import org.bulkhead.model.provision.VmCreation;
import org.bulkhead.model.provision.ProvisionOutcome;
import org.bulkhead.model.provision.ProvisionStep;
import org.bulkhead.model.provision.Verification;
import org.bulkhead.model.testing.Commands;
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
 * The wizard's view model against the real libvirtd on this DAC-only host: isolated VMs run as
 * UIDs of their own that the kernel keeps out of each other's images, an unisolated one runs as
 * libvirt's shared QEMU user, and a failure at any step of Finish leaves nothing behind.
 */
@Tag("real-libvirt")
class RealWizardDacTest {

    private final String prefix = WizardFixtures.uniqueName("real");
    private final LabelLedgers ledgers = LabelLedgers.withDefaults();
    private final List<NewVmWizardViewModel> wizards = new ArrayList<>();
    private String uri;
    private HypervisorConnection check;
    private String pool;
    private Path poolDir;

    @BeforeEach
    void createPool() throws IOException {
        uri = System.getProperty("bulkhead.libvirt.uri", "");
        Assumptions.assumeFalse(uri.isBlank(), "bulkhead.libvirt.uri is not set: no real libvirtd to test against");
        check = new LibvirtHypervisor().open(uri);
        assertTrue(check.hostInfo().local(), "these tests read files and processes on this host");
        assertEquals("root", System.getProperty("user.name"));
        pool = prefix + "-pool";
        poolDir = Path.of("/var/lib/libvirt/images", pool);
        Commands.Result created = Commands.run("virsh", "-c", uri, "pool-create-as", pool, "dir", "--target", poolDir.toString(),
                "--build");
        assertEquals(0, created.exitCode(), created.output());
        Commands.run("chmod", "0711", poolDir.toString());
    }

    @AfterEach
    void cleanUp() throws IOException {
        wizards.forEach(NewVmWizardViewModel::close);
        if (check == null) {
            return;
        }
        try {
            WizardFixtures.removeDomains(check, prefix);
        } finally {
            Commands.run("virsh", "-c", uri, "pool-destroy", pool);
            try (var files = Files.list(poolDir)) {
                assertEquals(List.of(), files.toList(), "no volume is left in the pool");
            } finally {
                Commands.run("rm", "-rf", poolDir.toString());
                check.close();
            }
        }
    }

    private NewVmWizardViewModel wizard(Hypervisor hypervisor) {
        VmCreation.Ports services = WizardFixtures.services(hypervisor, Optional.of(LocalHostSecurity.create()),
                Optional.of(new LocalHostFiles()), ledgers);
        NewVmWizardViewModel wizard = new NewVmWizardViewModel(services, new SameThreadTaskExecutor(), Runnable::run,
                List.of(uri));
        wizards.add(wizard);
        return wizard;
    }

    private ProvisionOutcome create(NewVmWizardViewModel wizard, String name, boolean isolated) {
        WizardFixtures.smallVmToSummary(wizard, name, isolated, false, pool);
        return WizardFixtures.finish(wizard);
    }

    @Test
    void twoIsolatedVmsRunAsDistinctUidsAndTheKernelKeepsEachOutOfTheOthersImage() {
        ProvisionOutcome a = create(wizard(new LibvirtHypervisor()), prefix + "-a", true);
        ProvisionOutcome b = create(wizard(new LibvirtHypervisor()), prefix + "-b", true);
        assertTrue(a.succeeded(), a.failure().toString());
        assertTrue(b.succeeded(), b.failure().toString());
        assertEquals(Verification.Verdict.VERIFIED, a.verification().orElseThrow().verdict(), a.verification().toString());
        assertEquals(Verification.Verdict.VERIFIED, b.verification().orElseThrow().verdict(), b.verification().toString());

        Vm vmA = vm(a.uuid());
        Vm vmB = vm(b.uuid());
        assertNotEquals(vmA.uid, vmB.uid);
        assertEquals(vmA.gid, vmB.gid, "both use libvirt-qemu's group");
        for (Vm vm : List.of(vmA, vmB)) {
            assertEquals(vm.uid, attribute(vm.image, "unix:uid"), "libvirt chowned " + vm.image);
            assertEquals(0600, (Integer) attribute(vm.image, "unix:mode") & 0777, vm.image + " is private");
            assertEquals(vm.uid, attribute(Path.of("/proc", Long.toString(vm.pid)), "unix:uid"), "QEMU runs as its UID");
        }

        assertEquals(0, readAs(vmA, vmA.image).exitCode(), "A reads its own image");
        Commands.Result bReadsA = readAs(vmB, vmA.image);
        assertNotEquals(0, bReadsA.exitCode(), "B's UID must not read A's image");
        assertTrue(bReadsA.output().contains("Permission denied"), bReadsA.output());
        Commands.Result aReadsB = readAs(vmA, vmB.image);
        assertTrue(aReadsB.output().contains("Permission denied"), aReadsB.output());
    }

    @Test
    void anUncheckedVmRunsAsLibvirtsSharedQemuUser() {
        ProvisionOutcome shared = create(wizard(new LibvirtHypervisor()), prefix + "-shared", false);
        assertTrue(shared.succeeded(), shared.failure().toString());
        DomainRecord record = check.domain(shared.uuid()).orElseThrow();
        assertTrue(DomainXml.parse(record.xml()).seclabels().stream().noneMatch(s -> "static".equals(
                s.type().map(t -> t.xmlName()).orElse(""))), record.xml());
        long pid = record.pid().orElseThrow();
        int libvirtQemu = Integer.parseInt(Commands.run("id", "-u", "libvirt-qemu").output().strip());
        assertEquals(libvirtQemu, attribute(Path.of("/proc", Long.toString(pid)), "unix:uid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"createVolume", "define", "start"})
    void aFailureRightAfterAnyStepIsRolledBackOnTheRealDaemon(String step) throws IOException {
        LabelLedger ledger = ledgers.forUri(uri);
        int freeBefore = ledger.freeUids();
        ProvisionOutcome outcome = create(wizard(new ScriptedHypervisor(new LibvirtHypervisor()).failAfter(step)),
                prefix + "-fail", true);

        assertFalse(outcome.succeeded());
        assertTrue(outcome.failure().orElseThrow().contains("injected failure"), outcome.failure().toString());
        ProvisionStep expected = switch (step) {
            case "createVolume" -> ProvisionStep.CREATE_VOLUME;
            case "define" -> ProvisionStep.DEFINE;
            default -> ProvisionStep.START;
        };
        assertEquals(Optional.of(expected), outcome.failedStep());
        assertTrue(check.domain(outcome.uuid()).isEmpty(), "the domain is undefined");
        try (var files = Files.list(poolDir)) {
            assertEquals(List.of(), files.toList(), "the volume is deleted");
        }
        assertEquals(freeBefore, ledger.freeUids(), "the UID is released");
        assertTrue(outcome.rollback().stream().noneMatch(line -> line.startsWith("could not")), outcome.rollback().toString());
    }

    private record Vm(int uid, int gid, Path image, long pid) {
    }

    private Vm vm(String uuid) {
        DomainRecord record = check.domain(uuid).orElseThrow();
        var spec = DomainXml.parse(record.xml());
        DacLabel label = DacLabel.parse(spec.seclabel("dac").orElseThrow().label().orElseThrow());
        Path image = Path.of(spec.disks().get(0).path().orElseThrow());
        return new Vm(label.uid().getAsInt(), label.gid().getAsInt(), image, record.pid().orElseThrow());
    }

    private static Object attribute(Path path, String name) {
        try {
            return Files.getAttribute(path, name);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + name + " of " + path, e);
        }
    }

    /** Reads the image's first bytes as the VM's UID and group, with no other groups: what its QEMU could do. */
    private static Commands.Result readAs(Vm as, Path image) {
        return Commands.run("setpriv", "--reuid=" + as.uid, "--regid=" + as.gid, "--clear-groups",
                "head", "-c", "512", image.toString());
    }
}
