package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.bulkhead.model.testing.Commands;
import org.bulkhead.hostsec.ssh.SshHostSecurity;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.NewDisk;
import org.bulkhead.model.domain.NewDomain;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.host.HostEnforcement;
import org.bulkhead.model.hostsec.AppArmorFileRules;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.hypervisor.StorageVolume;
import org.bulkhead.model.hypervisor.VolumeRequest;
import org.bulkhead.model.isolation.DomainEnforcement.Verdict;
import org.bulkhead.model.security.DomainSecurity;
import org.bulkhead.model.security.ResourceCheck;
import org.bulkhead.model.security.Trust;
import org.bulkhead.model.session.ConnectionSession;
import org.bulkhead.model.session.DomainInspector;
import org.bulkhead.model.store.Compartments;
import org.bulkhead.model.store.ConnectionStatus;
import org.bulkhead.model.store.DomainKey;
import org.bulkhead.model.store.DomainSnapshot;
import org.bulkhead.model.store.DomainStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * sVirt on a real AppArmor host (the AppArmor lab), through Bulkhead's own code: the libvirt
 * adapter defines and starts two isolated VMs, libvirt's virt-aa-helper writes a
 * {@code libvirt-<uuid>} profile for each, the model's plan says which files each profile must
 * list and how, the lab's profiles say what they do list, and the kernel refuses one VM's QEMU
 * the other's image with an {@code apparmor="DENIED"} record. A profile put in complain mode
 * shows as not enforced in the window model and the report, and lets the same open through.
 *
 * <p>The tests run in order on one pair of running VMs, because each start costs seconds of
 * emulated QEMU inside the emulated lab.
 */
@Tag("apparmor-lab")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppArmorLabIsolationTest {

    private static final String POOL = "default";
    private static final long MIB = 1024 * 1024;
    /** Each recheck is two SSH calls into the emulated lab: seconds each on a busy machine. */
    private static final Duration WITHIN = Duration.ofSeconds(15);

    private LibvirtConnection connection;
    private SshHostSecurity labSecurity;
    private DomainInspector inspector;
    private HostContext host;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> domains = new ArrayList<>();
    private final List<String> volumes = new ArrayList<>();

    private StorageVolume imageA;
    private StorageVolume imageB;
    private StorageVolume iso;
    private DomainRecord vmA;
    private DomainRecord vmB;

    @BeforeAll
    void startTwoIsolatedVms() {
        connection = AppArmorLab.open();
        labSecurity = AppArmorLab.probe();
        inspector = new DomainInspector(info -> Optional.of(labSecurity));

        imageA = volume("a.qcow2", "qcow2", 16 * MIB);
        imageB = volume("b.qcow2", "qcow2", 16 * MIB);
        iso = volume("disc.iso", "raw", MIB);
        vmA = define(isolated("a").disk(NewDisk.disk(imageA.path(), "qcow2", "vda"))
                .disk(NewDisk.cdrom(iso.path(), "sda")).build());
        vmB = define(isolated("b").disk(NewDisk.disk(imageB.path(), "qcow2", "vda")).build());
        long started = System.nanoTime();
        connection.start(vmA.uuid());
        connection.start(vmB.uuid());
        AppArmorLab.report(String.format("started two VMs in %.1f s", (System.nanoTime() - started) / 1e9));
        // probed once the VMs run: libvirt loads their profiles at start, and the window rechecks too
        host = inspector.probeHost(connection);
    }

    @AfterAll
    void removeEverything() {
        List<String> problems = new ArrayList<>();
        if (connection != null) {
            for (String uuid : domains) {
                try {
                    // a profile left in complain mode by a failed test goes with its VM
                    Optional<DomainRecord> domain = connection.domain(uuid);
                    if (domain.isPresent() && domain.get().state().isActive()) {
                        connection.destroy(uuid);
                    }
                    if (domain.isPresent()) {
                        connection.undefine(uuid, false);
                    }
                } catch (HypervisorException e) {
                    problems.add(e.userMessage());
                }
            }
            for (String path : volumes) {
                try {
                    connection.deleteVolume(path);
                } catch (HypervisorException e) {
                    problems.add(e.userMessage());
                }
            }
            connection.close();
        }
        if (!problems.isEmpty()) {
            fail("clean-up in the lab left things behind: " + problems);
        }
    }

    @Test
    @Order(1)
    void probeSeesAppArmorEnforcingAndEachProfilesMode() {
        assertFalse(host.info().local(), "the lab is another machine, though reached through a loopback port");
        assertEquals("apparmor", host.primaryModel(), "libvirt's primary model in the lab: " + host.modelsText());
        assertTrue(host.models().contains("dac"), host.modelsText());
        assertEquals("Y", AppArmorLab.sshOk("cat /sys/module/apparmor/parameters/enabled"));
        assertEquals("apparmor", host.localDriver().orElseThrow().model(), "the lab's kernel runs AppArmor");
        assertEquals(HostEnforcement.ENFORCING, host.enforcement());
        var modes = host.facts().profileModes().orElseThrow(() -> new AssertionError(
                "the profile list is readable as root: " + host.facts().notes()));
        assertEquals("enforce", modes.get("libvirt-" + vmA.uuid()), "a's profile as the probe read it: " + modes);
        assertEquals("enforce", modes.get("libvirt-" + vmB.uuid()), "b's profile as the probe read it: " + modes);
        AppArmorLab.report("probe: models " + host.modelsText() + ", " + host.enforcement().label() + ", "
                + modes.size() + " profiles loaded; libvirt-" + vmA.uuid() + " " + modes.get("libvirt-" + vmA.uuid())
                + "; aa-status: " + AppArmorLab.sshOk("aa-status 2>&1 | head -n 3 | tr '\\n' ' '"));
    }

    @Test
    @Order(2)
    void isolatedVmsRunUnderDistinctProfilesInEnforceMode() {
        DomainSecurity a = security(vmA);
        DomainSecurity b = security(vmB);
        String profileA = checkRunningProfile("a", vmA, a);
        String profileB = checkRunningProfile("b", vmB, b);
        assertNotEquals(profileA, profileB, "two isolated VMs must get different profiles");
    }

    @Test
    @Order(3)
    void eachProfileListsItsOwnImagesAndNotTheOthers() {
        AppArmorFileRules rulesA = rules(vmA);
        AppArmorFileRules rulesB = rules(vmB);
        assertTrue(rulesA.access(imageA.path()).orElse("").contains("w"), "a's profile lets a write its image: "
                + rulesA.rules());
        assertEquals(Optional.of(false), rulesA.access(iso.path()).map(access -> access.contains("w")),
                "a's profile lists its ISO read-only: " + rulesA.rules());
        assertTrue(rulesB.access(imageB.path()).orElse("").contains("w"), rulesB.rules().toString());
        assertEquals(Optional.empty(), rulesA.access(imageB.path()), "a's profile must not list b's image");
        assertEquals(Optional.empty(), rulesB.access(imageA.path()), "b's profile must not list a's image");
        assertEquals(Optional.empty(), rulesB.access(iso.path()), "b's profile must not list a's ISO");
        AppArmorLab.report("a's profile lists " + imageA.path() + " " + rulesA.access(imageA.path()).orElseThrow()
                + ", " + iso.path() + " " + rulesA.access(iso.path()).orElseThrow() + "; b's lists "
                + imageB.path() + " " + rulesB.access(imageB.path()).orElseThrow() + " and none of a's");
    }

    @Test
    @Order(4)
    void thePlannedFileAccessMatchesTheGeneratedProfile() {
        for (DomainRecord vm : List.of(vmA, vmB)) {
            List<ResourceCheck> planned = security(vm).resources().stream()
                    .filter(check -> check.planned().label().isPresent()).toList();
            assertFalse(planned.isEmpty(), vm.name() + " has files the plan puts in its profile");
            for (ResourceCheck check : planned) {
                assertEquals(ResourceCheck.Verdict.MATCH, check.verdict(), check.planned().resource().path() + ": planned "
                        + check.planned().label().get() + ", " + check.detail());
                AppArmorLab.report(vm.name() + ": " + check.planned().resource().path() + " planned "
                        + check.planned().label().get() + ", profile " + check.actual().orElse("-") + ": "
                        + check.verdict().label());
            }
        }
        List<String> checkedA = security(vmA).resources().stream().filter(c -> c.verdict() == ResourceCheck.Verdict.MATCH)
                .map(c -> c.planned().resource().path()).toList();
        assertTrue(checkedA.contains(imageA.path()) && checkedA.contains(iso.path()), "a's disk and ISO: " + checkedA);
    }

    @Test
    @Order(5)
    void kernelKeepsEachVmsQemuOutOfTheOthersImage() {
        String profileA = "libvirt-" + vmA.uuid();
        long auditLinesBefore = auditLines();
        String pidA = qemuPid(vmA);

        Commands.Result own = openThroughQemu(vmA, imageA.path(), "own");
        assertEquals(0, own.exitCode(), "a's QEMU opens its own image: " + own.output());
        assertFalse(own.output().contains("\"error\""), own.output());
        AppArmorLab.report("a's QEMU opened its own image " + imageA.path() + ": " + one(own.output()));
        AppArmorLab.sshOk(qmp(vmA, "{\"execute\":\"blockdev-del\",\"arguments\":{\"node-name\":\"own\"}}"));

        // DAC would let it: libvirt runs both QEMUs as its one QEMU user and gives it both images,
        // so a refusal can only come from AppArmor.
        String userA = AppArmorLab.sshOk("ps -o uid=,gid= -p " + pidA).strip().replaceAll("\\s+", ":");
        String ownerB = AppArmorLab.sshOk("stat -c %u:%g " + SelinuxLab.quote(imageB.path()));
        assertEquals(userA, ownerB, "a's QEMU runs as the owner of b's image, so DAC alone would allow it");
        AppArmorLab.report("a's QEMU runs as " + userA + ", b's image is owned by " + ownerB
                + " (mode " + AppArmorLab.sshOk("stat -c %a " + SelinuxLab.quote(imageB.path())) + ")");

        Commands.Result other = openThroughQemu(vmA, imageB.path(), "other");
        assertTrue(other.output().contains("Permission denied"), "a's QEMU must be refused b's image: "
                + other.output());
        AppArmorLab.report("a's QEMU asked to open b's image " + imageB.path() + ": " + one(other.output()));
        Commands.Result reverse = openThroughQemu(vmB, imageA.path(), "other");
        assertTrue(reverse.output().contains("Permission denied"), "b's QEMU must be refused a's image: "
                + reverse.output());

        String denial = awaitAudit(auditLinesBefore, "apparmor=\"DENIED\"", profileA, imageB.path());
        assertTrue(denial.contains("pid=" + pidA + " "), "the denial names a's QEMU (pid " + pidA + "): " + denial);
        assertTrue(denial.contains("operation=\"open\""), denial);
        AppArmorLab.report("kernel: " + denial);
    }

    @Test
    @Order(6)
    void aProfileInComplainModeShowsAsNotEnforcedAndLetsTheOpenThrough() {
        String profileA = "libvirt-" + vmA.uuid();
        String profileFile = AppArmorFileRules.DIRECTORY + "/" + profileA;
        DomainStore store = new DomainStore(Runnable::run);
        ConnectionSession session = new ConnectionSession(new LibvirtHypervisor(), AppArmorLab.uri(), store,
                inspector::probeHost, inspector, inspector::recheckHost, Duration.ofSeconds(1));
        DomainKey key = new DomainKey(AppArmorLab.uri(), vmA.uuid());
        try {
            session.open();
            await(() -> store.status(AppArmorLab.uri()) == ConnectionStatus.OPEN && store.get(key).isPresent(),
                    Duration.ofSeconds(240), () -> "the session lists the lab's VMs (status "
                            + store.status(AppArmorLab.uri()) + ", " + store.get(key) + ")");
            assertEquals(Verdict.ENFORCED, verdict(store.get(key)), "before: " + store.get(key));
            assertEquals(Trust.Level.ISOLATED, reportRow(vmA).trust().level(), reportRow(vmA).trust().reason());

            try {
                AppArmorLab.sshOk("apparmor_parser -r -C " + SelinuxLab.quote(profileFile));
                long switched = System.nanoTime();
                assertEquals("complain", AppArmorLab.profileMode(profileA), "the kernel lists the profile in complain");
                await(() -> verdict(store.get(key)) == Verdict.LOGGED, WITHIN, "the window model shows a not enforced");
                AppArmorLab.report(String.format("window model: %s %.1f s after the profile went to complain mode",
                        store.get(key).orElseThrow().security().domainEnforcement().shortText(),
                        (System.nanoTime() - switched) / 1e9));
                DomainSecurity report = reportRow(vmA);
                assertEquals(Verdict.LOGGED, report.domainEnforcement().verdict(), report.domainEnforcement().reason());
                assertTrue(report.domainEnforcement().reason().contains("complain mode"),
                        report.domainEnforcement().reason());
                assertEquals(Trust.Level.WEAK, report.trust().level(), report.trust().reason());
                assertEquals(Verdict.ENFORCED, reportRow(vmB).domainEnforcement().verdict(), "b's profile is untouched");
                AppArmorLab.report("report in complain mode: " + report.domainEnforcement().reason() + " / trust "
                        + report.trust().level().label() + ": " + report.trust().reason());

                // Not enforced is what the kernel does: the same open now succeeds, and is logged.
                long auditLinesBefore = auditLines();
                Commands.Result other = openThroughQemu(vmA, imageB.path(), "complained");
                assertFalse(other.output().contains("Permission denied"), "complain mode refuses nothing: "
                        + other.output());
                AppArmorLab.sshOk(qmp(vmA, "{\"execute\":\"blockdev-del\",\"arguments\":{\"node-name\":\"complained\"}}"));
                String allowed = awaitAudit(auditLinesBefore, "apparmor=\"ALLOWED\"", profileA, imageB.path());
                AppArmorLab.report("kernel in complain mode: " + allowed);
            } finally {
                AppArmorLab.sshOk("apparmor_parser -r " + SelinuxLab.quote(profileFile));
            }
            long restored = System.nanoTime();
            assertEquals("enforce", AppArmorLab.profileMode(profileA));
            await(() -> verdict(store.get(key)) == Verdict.ENFORCED, WITHIN, "the window model shows a enforced again");
            AppArmorLab.report(String.format("window model: enforced again %.1f s after the profile was reloaded",
                    (System.nanoTime() - restored) / 1e9));
        } finally {
            session.close();
        }
    }

    @Test
    @Order(7)
    void stoppingAVmUnloadsItsProfile() {
        String profileA = "libvirt-" + vmA.uuid();
        connection.destroy(vmA.uuid());
        assertEquals(DomainState.SHUT_OFF, connection.domain(vmA.uuid()).orElseThrow().state());
        assertEquals("", AppArmorLab.profileMode(profileA), "a stopped VM's profile is no longer loaded");
        assertEquals("enforce", AppArmorLab.profileMode("libvirt-" + vmB.uuid()), "b's is");
        AppArmorLab.report("after a stopped: " + AppArmorLab.ssh("ls " + AppArmorFileRules.DIRECTORY).output()
                .replace('\n', ' '));
    }

    private String checkRunningProfile(String which, DomainRecord vm, DomainSecurity security) {
        DomainRecord live = connection.domain(vm.uuid()).orElseThrow();
        String profile = "libvirt-" + vm.uuid();
        assertEquals(DomainState.RUNNING, live.state(), which + " runs");
        assertEquals("apparmor", security.primaryModel());
        assertEquals(Optional.of(profile), security.label(), which + "'s label is its own profile");
        assertEquals(Optional.of(profile), security.imageLabel());
        assertTrue(live.runtimeLabel().orElseThrow().enforcing(), which + ": virDomainGetSecurityLabel enforcing");
        assertEquals(Verdict.ENFORCED, security.domainEnforcement().verdict(), security.domainEnforcement().reason());
        assertEquals(Trust.Level.ISOLATED, security.trust().level(), security.trust().reason());
        assertTrue(security.trust().reason().contains("hard link or bind mount"), security.trust().reason());

        String pid = qemuPid(vm);
        String kernel = AppArmorLab.sshOk("cat /proc/" + pid + "/attr/current").replace("\0", "").strip();
        assertEquals(profile + " (enforce)", kernel, which + "'s QEMU (pid " + pid + " in the lab) runs confined");
        assertEquals(Optional.of(profile), security.process().orElseThrow().selinuxContext(),
                "Bulkhead reads the QEMU's profile over SSH");
        AppArmorLab.report("vm " + which + ": QEMU pid " + pid + " runs as " + kernel + "; "
                + security.domainEnforcement().reason() + " Trust: " + security.trust().level().label());
        return profile;
    }

    private AppArmorFileRules rules(DomainRecord vm) {
        return labSecurity.appArmorFileRules("libvirt-" + vm.uuid()).orElseThrow(() -> new AssertionError(
                "no file list for " + vm.name() + "'s profile: " + AppArmorLab.ssh("ls -l "
                        + AppArmorFileRules.DIRECTORY).output()));
    }

    private static String qemuPid(DomainRecord vm) {
        return AppArmorLab.sshOk("cat /run/libvirt/qemu/" + SelinuxLab.quote(vm.name()) + ".pid").strip();
    }

    /** Asks the VM's own QEMU, over QMP, to open a file read-only as a new block node. */
    private static Commands.Result openThroughQemu(DomainRecord vm, String path, String node) {
        String json = "{\"execute\":\"blockdev-add\",\"arguments\":{\"driver\":\"file\",\"filename\":\""
                + path + "\",\"node-name\":\"" + node + "\",\"read-only\":true,\"locking\":\"off\"}}";
        return AppArmorLab.ssh(qmp(vm, json));
    }

    private static String qmp(DomainRecord vm, String json) {
        return "virsh -c qemu:///system qemu-monitor-command " + SelinuxLab.quote(vm.name()) + " "
                + SelinuxLab.quote(json) + " 2>&1";
    }

    private static long auditLines() {
        return Long.parseLong(AppArmorLab.sshOk("wc -l < /var/log/audit/audit.log").strip());
    }

    /** Waits for the kernel's AppArmor record naming the profile and file after the log's first lines. */
    private static String awaitAudit(long skipLines, String decision, String profile, String path) {
        String command = "tail -n +" + (skipLines + 1) + " /var/log/audit/audit.log"
                + " | grep -F " + SelinuxLab.quote(decision) + " | grep -F " + SelinuxLab.quote("profile=\"" + profile + "\"")
                + " | grep -F " + SelinuxLab.quote("name=\"" + path + "\"") + " | head -n 1";
        for (int attempt = 0; attempt < 10; attempt++) {
            String line = AppArmorLab.ssh(command).output().strip();
            if (!line.isEmpty()) {
                return line;
            }
            sleep(1000);
        }
        return fail("no " + decision + " record for " + profile + " on " + path + " in the lab's audit log");
    }

    private DomainSecurity security(DomainRecord vm) {
        return inspector.snapshot(host, connection.domain(vm.uuid()).orElseThrow()).security();
    }

    /** The VM as {@code bulkhead report} inspects it: a fresh probe and snapshot, sharers marked. */
    private DomainSecurity reportRow(DomainRecord vm) {
        HostContext fresh = inspector.probeHost(connection);
        return Compartments.mark(connection.listDomains().stream().map(r -> inspector.snapshot(fresh, r)).toList())
                .stream().filter(s -> s.uuid().equals(vm.uuid())).findFirst().orElseThrow().security();
    }

    private static Verdict verdict(Optional<DomainSnapshot> row) {
        return row.map(s -> s.security().domainEnforcement().verdict()).orElse(null);
    }

    private NewDomain.Builder isolated(String which) {
        // What the wizard writes for an Isolated VM on an AppArmor host: libvirt generates the profile.
        return NewDomain.builder("bulkhead-aalab-" + tag + "-" + which).virtType("qemu").memoryMiB(64).machine("q35")
                .seclabel(SecLabel.dynamic("apparmor"));
    }

    private DomainRecord define(NewDomain domain) {
        DomainRecord record = connection.define(DomainXml.write(domain));
        domains.add(record.uuid());
        return record;
    }

    private StorageVolume volume(String name, String format, long bytes) {
        StorageVolume volume = connection.createVolume(new VolumeRequest(POOL, "bulkhead-aalab-" + tag + "-" + name,
                bytes, format, 0600));
        volumes.add(volume.path());
        return volume;
    }

    private static String one(String output) {
        return output.replaceAll("\\s+", " ").strip();
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        await(condition, timeout, () -> what);
    }

    private static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + timeout.toSeconds() + " s: " + what.get());
            }
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
