package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.NewDisk;
import org.bulkhead.model.domain.NewDomain;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.hypervisor.StorageVolume;
import org.bulkhead.model.hypervisor.VolumeRequest;
import org.bulkhead.model.isolation.DomainEnforcement;
import org.bulkhead.model.isolation.DomainEnforcement.Verdict;
import org.bulkhead.model.store.Compartments;
import org.bulkhead.model.session.DomainInspector;
import org.bulkhead.model.security.DomainSecurity;
import org.bulkhead.model.security.Trust;
import org.bulkhead.model.session.ConnectionSession;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.store.ConnectionStatus;
import org.bulkhead.model.store.DomainKey;
import org.bulkhead.model.store.DomainSnapshot;
import org.bulkhead.model.store.DomainStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Per-VM enforcement on the lab: libvirt keeps saying "enforcing" when {@code svirt_t} is made
 * permissive by a policy module, but Bulkhead's window model (a live session re-checking the
 * host) and its report (a fresh inspection) say "not enforced" within seconds, and "enforced"
 * again once the module is gone. The module is always removed, whatever happens.
 */
@Tag("selinux-lab")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelinuxLabEnforcementTest {

    private static final String MODULE = "bulkhead_test_permissive_svirt";
    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final long MIB = 1024 * 1024;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private LibvirtConnection connection;
    private DomainInspector inspector;
    private DomainStore store;
    private ConnectionSession session;
    private StorageVolume image;
    private DomainRecord vm;

    @BeforeAll
    void startOneIsolatedVmAndWatchIt() {
        connection = SelinuxLab.open();
        HostSecurity lab = LabHostSecurity.probe();
        inspector = new DomainInspector(info -> Optional.of(lab));
        image = connection.createVolume(new VolumeRequest("default", "bulkhead-lab-" + tag + "-e.qcow2", 16 * MIB,
                "qcow2", 0600));
        vm = connection.define(DomainXml.write(NewDomain.builder("bulkhead-lab-" + tag + "-e").virtType("qemu")
                .memoryMiB(64).machine("q35").disk(NewDisk.disk(image.path(), "qcow2", "vda"))
                .seclabel(SecLabel.dynamic("selinux")).build()));
        connection.start(vm.uuid());

        store = new DomainStore(Runnable::run);
        session = new ConnectionSession(new LibvirtHypervisor(), SelinuxLab.uri(), store, inspector::probeHost,
                inspector, inspector::recheckHost, Duration.ofSeconds(1));
        session.open();
        await(s -> store.status(SelinuxLab.uri()) == ConnectionStatus.OPEN && windowRow().isPresent(),
                Duration.ofSeconds(120), "the session lists the lab's VMs");
    }

    @AfterAll
    void removeEverything() {
        List<String> problems = new ArrayList<>();
        if (session != null) {
            session.close();
        }
        if (connection != null) {
            try {
                connection.destroy(vm.uuid());
                connection.undefine(vm.uuid(), false);
                connection.deleteVolume(image.path());
            } catch (HypervisorException e) {
                problems.add(e.userMessage());
            }
            connection.close();
        }
        if (!problems.isEmpty()) {
            fail("clean-up in the lab left things behind: " + problems);
        }
    }

    @Test
    void aPermissiveSvirtTypeShowsAsNotEnforcedWithinSecondsAndEnforcedOnceRemoved() {
        assertEquals(Verdict.ENFORCED, verdict(windowRow()), "before: " + windowRow());
        assertEquals(Verdict.ENFORCED, reportRow().domainEnforcement().verdict());
        assertEquals(Trust.Level.ISOLATED, reportRow().trust().level(), reportRow().trust().reason());
        SelinuxLab.report("before: " + reportRow().domainEnforcement().reason());

        try {
            SelinuxLab.sshOk("printf '(typepermissive svirt_t)\\n' > /root/" + MODULE + ".cil && semodule -i /root/"
                    + MODULE + ".cil");
            long loaded = System.nanoTime();
            assertTrue(connection.domain(vm.uuid()).orElseThrow().runtimeLabel().orElseThrow().enforcing(),
                    "libvirt still calls the VM enforcing: it reports the host's flag");
            await(s -> verdict(windowRow()) == Verdict.LOGGED, WITHIN, "the window model shows the VM not enforced");
            SelinuxLab.report(String.format("window model: %s %.1f s after semodule -i",
                    windowRow().orElseThrow().security().domainEnforcement().shortText(),
                    (System.nanoTime() - loaded) / 1e9));

            DomainSecurity report = reportRow();
            assertEquals(Verdict.LOGGED, report.domainEnforcement().verdict());
            assertTrue(report.domainEnforcement().reason().startsWith("permissive type svirt_t: denials logged, not"
                    + " enforced"), report.domainEnforcement().reason());
            assertEquals(Trust.Level.WEAK, report.trust().level());
            SelinuxLab.report("report with the module: " + report.domainEnforcement().reason() + " / trust "
                    + report.trust().level().label() + ": " + report.trust().reason());
        } finally {
            SelinuxLab.sshOk("semodule -r " + MODULE + "; rm -f /root/" + MODULE + ".cil");
        }
        long removed = System.nanoTime();
        await(s -> verdict(windowRow()) == Verdict.ENFORCED, WITHIN, "the window model shows the VM enforced again");
        SelinuxLab.report(String.format("window model: enforced again %.1f s after semodule -r",
                (System.nanoTime() - removed) / 1e9));
        assertEquals(Verdict.ENFORCED, reportRow().domainEnforcement().verdict());
    }

    /** The VM as the main window's store holds it. */
    private Optional<DomainSnapshot> windowRow() {
        return store.get(new DomainKey(SelinuxLab.uri(), vm.uuid()));
    }

    /** The VM as {@code bulkhead report} inspects it: a fresh probe and snapshot, sharers marked. */
    private DomainSecurity reportRow() {
        HostContext host = inspector.probeHost(connection);
        return Compartments.mark(connection.listDomains().stream().map(r -> inspector.snapshot(host, r)).toList())
                .stream().filter(s -> s.uuid().equals(vm.uuid())).findFirst().orElseThrow().security();
    }

    private static Verdict verdict(Optional<DomainSnapshot> row) {
        return row.map(s -> s.security().domainEnforcement()).map(DomainEnforcement::verdict).orElse(null);
    }

    private static void await(Predicate<Void> condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(null)) {
            if (System.nanoTime() > deadline) {
                fail("not within " + timeout.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
