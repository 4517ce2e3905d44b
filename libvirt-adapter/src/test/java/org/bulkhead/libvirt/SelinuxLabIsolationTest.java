package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.NewDisk;
import org.bulkhead.model.domain.NewDomain;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.hypervisor.StorageVolume;
import org.bulkhead.model.hypervisor.VolumeRequest;
import org.bulkhead.model.label.McsPair;
import org.bulkhead.model.label.SecurityContext;
import org.bulkhead.model.ledger.Collision;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.ledger.LabelUse;
import org.bulkhead.model.provision.LabelUses;
import org.bulkhead.model.ledger.LedgerConfig;
import org.bulkhead.model.plan.ResourceLabel;
import org.bulkhead.model.session.DomainInspector;
import org.bulkhead.model.security.DomainSecurity;
import org.bulkhead.model.host.HostEnforcement;
import org.bulkhead.model.security.ResourceCheck;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.testing.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * sVirt on a real SELinux-enforcing host (the lab), through Bulkhead's own code: the libvirt
 * adapter defines and starts two isolated VMs, the model's DomainInspector and ResourceLabelPlan
 * say what each file must carry, the lab's kernel says what it does carry, the ledger finds a
 * static label that copies a running VM's dynamic one, and the kernel refuses one VM's QEMU the
 * other's image while letting it open its own.
 *
 * <p>The tests run in order on one pair of running VMs, because each start costs seconds of
 * emulated QEMU inside the emulated lab; the last one stops them and checks the labels came back.
 */
@Tag("selinux-lab")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SelinuxLabIsolationTest {

    private static final String POOL = "default";
    private static final String DOMAIN_BASE = "system_u:system_r:svirt_t:s0";
    private static final String IMAGE_BASE = "system_u:object_r:svirt_image_t:s0";
    private static final String CONTENT = "system_u:object_r:virt_content_t:s0";
    private static final long MIB = 1024 * 1024;

    private LibvirtConnection connection;
    private HostSecurity labSecurity;
    private DomainInspector inspector;
    private HostContext host;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> domains = new ArrayList<>();
    private final List<String> volumes = new ArrayList<>();
    private final Map<String, String> originalLabels = new HashMap<>();

    private StorageVolume imageA;
    private StorageVolume imageB;
    private StorageVolume shared;
    private StorageVolume iso;
    private DomainRecord vmA;
    private DomainRecord vmB;

    @BeforeAll
    void startTwoIsolatedVms() {
        connection = SelinuxLab.open();
        labSecurity = LabHostSecurity.probe();
        // the lab's files and processes are read over SSH: that is this test's access to that host
        inspector = new DomainInspector(info -> Optional.of(labSecurity));
        host = inspector.probeHost(connection);

        imageA = volume("a.qcow2", "qcow2", 16 * MIB);
        imageB = volume("b.qcow2", "qcow2", 16 * MIB);
        shared = volume("shared.img", "raw", 4 * MIB);
        iso = volume("disc.iso", "raw", 1 * MIB);
        for (StorageVolume v : List.of(imageA, imageB, shared, iso)) {
            originalLabels.put(v.path(), SelinuxLab.fileLabel(v.path()));
        }
        SelinuxLab.report("images before start: " + originalLabels);

        vmA = define(isolated("a")
                .disk(NewDisk.disk(imageA.path(), "qcow2", "vda"))
                .disk(new NewDisk(shared.path(), "raw", "disk", false, true, "vdb"))
                .disk(NewDisk.cdrom(iso.path(), "sda"))
                .build());
        vmB = define(isolated("b").disk(NewDisk.disk(imageB.path(), "qcow2", "vda")).build());
        long started = System.nanoTime();
        connection.start(vmA.uuid());
        connection.start(vmB.uuid());
        SelinuxLab.report(String.format("started two VMs in %.1f s", (System.nanoTime() - started) / 1e9));
    }

    @AfterAll
    void removeEverything() {
        List<String> problems = new ArrayList<>();
        if (connection != null) {
            for (String uuid : domains) {
                try {
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
    void probeSeesSelinuxEnforcingWithItsBaseContexts() {
        assertFalse(host.info().local(), "the lab is another machine, though reached through a loopback port");
        assertEquals("selinux", host.primaryModel(), "libvirt's primary model in the lab: " + host.modelsText());
        assertTrue(host.models().contains("dac"), host.modelsText());
        assertTrue(host.capabilities().model("selinux").orElseThrow().baseLabels().containsValue(DOMAIN_BASE),
                "capabilities' selinux baselabel: " + host.capabilities().model("selinux"));
        assertEquals("Enforcing", SelinuxLab.sshOk("getenforce"));
        assertEquals(HostEnforcement.ENFORCING, host.enforcement());
        assertEquals(DOMAIN_BASE, host.baseContexts().get("domain"));
        assertEquals(IMAGE_BASE, host.baseContexts().get("image"));
        assertEquals(CONTENT, host.baseContexts().get("content"));
        SelinuxLab.report("probe: models " + host.modelsText() + ", " + host.enforcement().label()
                + " (getenforce: " + SelinuxLab.sshOk("getenforce") + "), base contexts " + host.baseContexts());
    }

    @Test
    @Order(2)
    void isolatedVmsRunUnderDistinctMcsPairsAndEnforced() {
        DomainSecurity a = security(vmA.uuid());
        DomainSecurity b = security(vmB.uuid());
        McsPair pairA = checkRunningLabel("a", vmA, a);
        McsPair pairB = checkRunningLabel("b", vmB, b);
        assertNotEquals(pairA, pairB, "two isolated VMs must get different MCS pairs");
        // MCS dominance: neither VM's categories include the other's, so neither reaches the other.
        assertFalse(pairA.categories().containsAll(pairB.categories()), pairA + " covers " + pairB);
        assertFalse(pairB.categories().containsAll(pairA.categories()), pairB + " covers " + pairA);
    }

    @Test
    @Order(3)
    void eachFileCarriesThePlannedLabel() {
        DomainSecurity a = security(vmA.uuid());
        DomainSecurity b = security(vmB.uuid());
        String imageLabelA = a.imageLabel().orElseThrow();
        String imageLabelB = b.imageLabel().orElseThrow();

        assertPlanned(a, imageA.path(), imageLabelA);
        assertPlanned(a, shared.path(), IMAGE_BASE);
        assertPlanned(a, iso.path(), CONTENT);
        assertPlanned(b, imageB.path(), imageLabelB);
        for (DomainSecurity security : List.of(a, b)) {
            for (ResourceCheck check : security.resources()) {
                if (check.planned().action() == ResourceLabel.Action.RELABEL && check.planned().label().isPresent()) {
                    assertEquals(ResourceCheck.Verdict.MATCH, check.verdict(),
                            check.planned().resource() + ": " + check.detail() + ", actual " + check.actual());
                }
            }
        }
    }

    @Test
    @Order(4)
    void staticLabelCopyingARunningDynamicOneIsACollisionBeforeItStarts() {
        String labelA = security(vmA.uuid()).label().orElseThrow();
        StorageVolume imageC = volume("c.qcow2", "qcow2", 16 * MIB);
        DomainRecord vmC = define(NewDomain.builder("bulkhead-lab-" + tag + "-c").virtType("qemu").memoryMiB(64)
                .machine("q35")
                .disk(NewDisk.disk(imageC.path(), "qcow2", "vda"))
                .seclabel(SecLabel.fixed("selinux", labelA, true))
                .build());

        LabelLedger ledger = new LabelLedger(LedgerConfig.defaults());
        ledger.replaceAll(labelUses(connection.listDomains()));
        List<Collision> collisions = ledger.collisions();
        Collision expected = collisions.stream()
                .filter(c -> c.kind() == Collision.Kind.STATIC_EQUALS_RUNNING_DYNAMIC)
                .filter(c -> c.domainA().equals(vmC.uuid()) && c.domainB().equals(vmA.uuid()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no collision of c with a among " + collisions));
        assertTrue(collisions.stream().noneMatch(c -> involves(c, vmA.uuid()) && involves(c, vmB.uuid())),
                "a and b must not collide: " + collisions);
        assertEquals(DomainState.SHUT_OFF, connection.domain(vmC.uuid()).orElseThrow().state(),
                "the collision is found before c starts");
        SelinuxLab.report("ledger: " + expected.kind() + " " + expected.label() + ": " + expected.explanation());
    }

    @Test
    @Order(5)
    void kernelKeepsEachVmsQemuOutOfTheOthersImage() {
        DomainSecurity a = security(vmA.uuid());
        DomainSecurity b = security(vmB.uuid());
        String labelA = a.label().orElseThrow();
        String imageLabelB = b.imageLabel().orElseThrow();
        long auditLinesBefore = Long.parseLong(SelinuxLab.sshOk("wc -l < /var/log/audit/audit.log").strip());
        String pidA = qemuPid(vmA);

        Commands.Result own = openThroughQemu(vmA, imageA.path(), "own");
        assertEquals(0, own.exitCode(), "a's QEMU opens its own image: " + own.output());
        assertFalse(own.output().contains("\"error\""), own.output());
        SelinuxLab.report("a's QEMU opened its own image " + imageA.path() + ": " + one(own.output()));
        SelinuxLab.sshOk(qmp(vmA, "{\"execute\":\"blockdev-del\",\"arguments\":{\"node-name\":\"own\"}}"));

        // DAC would let it: libvirt runs both QEMUs as its one QEMU user and gives it both images,
        // so a refusal can only come from SELinux.
        String userA = SelinuxLab.sshOk("ps -o uid=,gid= -p " + pidA).strip().replaceAll("\\s+", ":");
        String ownerB = SelinuxLab.sshOk("stat -c %u:%g " + SelinuxLab.quote(imageB.path()));
        assertEquals(userA, ownerB, "a's QEMU runs as the owner of b's image, so DAC alone would allow it");
        SelinuxLab.report("a's QEMU runs as " + userA + ", b's image is owned by " + ownerB
                + " (mode " + SelinuxLab.sshOk("stat -c %a " + SelinuxLab.quote(imageB.path())) + ")");

        Commands.Result other = openThroughQemu(vmA, imageB.path(), "other");
        assertTrue(other.output().contains("Permission denied"),
                "a's QEMU must be refused b's image: " + other.output());
        SelinuxLab.report("a's QEMU asked to open b's image " + imageB.path() + ": " + one(other.output()));

        Commands.Result reverse = openThroughQemu(vmB, imageA.path(), "other");
        assertTrue(reverse.output().contains("Permission denied"),
                "b's QEMU must be refused a's image: " + reverse.output());

        String avc = awaitAvc(auditLinesBefore, labelA, imageLabelB);
        assertTrue(avc.contains("pid=" + pidA + " "), "the denial names a's QEMU (pid " + pidA + "): " + avc);
        assertTrue(avc.contains("name=\"" + fileName(imageB.path()) + "\""), "the denial names b's image: " + avc);
        assertTrue(avc.contains("permissive=0"), "the denial was enforced: " + avc);
        SelinuxLab.report("kernel: " + avc);
    }

    @Test
    @Order(6)
    void stoppingRestoresTheOriginalLabels() {
        connection.destroy(vmA.uuid());
        connection.destroy(vmB.uuid());
        for (StorageVolume image : List.of(imageA, imageB)) {
            assertEquals(originalLabels.get(image.path()), SelinuxLab.fileLabel(image.path()),
                    "libvirt restores the label of " + image.path() + " at stop");
        }
        // libvirt never restores read-only and shareable disks (another VM may still use them):
        // security_selinux.c, virSecuritySELinuxRestoreImageLabelInt.
        assertEquals(IMAGE_BASE, SelinuxLab.fileLabel(shared.path()));
        assertEquals(CONTENT, SelinuxLab.fileLabel(iso.path()));
        DomainSecurity a = security(vmA.uuid());
        assertTrue(a.label().isEmpty(), "a stopped dynamic domain has no label: " + a.label());

        LabelLedger ledger = new LabelLedger(LedgerConfig.defaults());
        ledger.replaceAll(labelUses(connection.listDomains()));
        assertTrue(ledger.collisions().stream().noneMatch(c -> involves(c, vmA.uuid())),
                "a's pair is free once it stops: " + ledger.collisions());
        Map<String, String> after = new HashMap<>();
        for (StorageVolume v : List.of(imageA, imageB, shared, iso)) {
            after.put(v.path(), SelinuxLab.fileLabel(v.path()));
        }
        SelinuxLab.report("images after stop: " + after);
    }

    private McsPair checkRunningLabel(String which, DomainRecord vm, DomainSecurity security) {
        DomainRecord live = connection.domain(vm.uuid()).orElseThrow();
        assertEquals(DomainState.RUNNING, live.state(), which + " runs");
        assertEquals(HostEnforcement.ENFORCING, security.enforcement(), which + " is enforced");
        assertTrue(live.runtimeLabel().orElseThrow().enforcing(), which + ": virDomainGetSecurityLabel enforcing");
        assertEquals("selinux", security.primaryModel());
        SecurityContext label = SecurityContext.parse(security.label().orElseThrow());
        SecurityContext image = SecurityContext.parse(security.imageLabel().orElseThrow());
        assertEquals("svirt_t", label.type(), label.toString());
        assertEquals("svirt_image_t", image.type(), image.toString());
        McsPair pair = label.mcsPair().orElseThrow(() -> new AssertionError("no MCS pair in " + label));
        assertEquals(Optional.of(pair), image.mcsPair(), "image label has the domain's pair");
        assertEquals(live.runtimeLabel().get().label(), label.toString());

        String pid = qemuPid(vm);
        String process = SelinuxLab.sshOk("ps -o label= -p " + SelinuxLab.quote(pid)).strip();
        assertEquals(label.toString(), process, which + "'s QEMU (pid " + pid + " in the lab) runs under its label");
        SelinuxLab.report("vm " + which + ": QEMU pid " + pid + " runs as " + process + ", image label "
                + image + ", " + security.enforcement().label());
        return pair;
    }

    /** The pid of the VM's QEMU in the lab, from the file libvirtd writes there. */
    private static String qemuPid(DomainRecord vm) {
        return SelinuxLab.sshOk("cat /run/libvirt/qemu/" + SelinuxLab.quote(vm.name()) + ".pid").strip();
    }

    private void assertPlanned(DomainSecurity security, String path, String label) {
        ResourceCheck check = security.resources().stream()
                .filter(r -> r.planned().resource().path().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no planned resource for " + path));
        assertEquals(Optional.of(label), check.planned().label(), "planned label of " + path);
        assertEquals(label, SelinuxLab.fileLabel(path), "actual label of " + path + " (ls -Z in the lab)");
        SelinuxLab.report("file " + path + " (" + check.planned().resource().description() + "): planned "
                + check.planned().label().orElse("-") + ", actual " + check.actual().orElse("-") + ": "
                + check.verdict().label());
    }

    /** Asks the VM's own QEMU, over QMP, to open a file read-only as a new block node. */
    private Commands.Result openThroughQemu(DomainRecord vm, String path, String node) {
        String json = "{\"execute\":\"blockdev-add\",\"arguments\":{\"driver\":\"file\",\"filename\":\""
                + path + "\",\"node-name\":\"" + node + "\",\"read-only\":true,\"locking\":\"off\"}}";
        return SelinuxLab.ssh(qmp(vm, json));
    }

    private static String qmp(DomainRecord vm, String json) {
        return "virsh -c qemu:///system qemu-monitor-command " + SelinuxLab.quote(vm.name()) + " "
                + SelinuxLab.quote(json) + " 2>&1";
    }

    /**
     * Waits for the AVC record of the refusal among the audit log's lines after the first
     * {@code skipLines} (auditd writes it shortly after the syscall).
     */
    private static String awaitAvc(long skipLines, String source, String target) {
        String command = "tail -n +" + (skipLines + 1) + " /var/log/audit/audit.log"
                + " | grep -F 'avc:  denied' | grep -F " + SelinuxLab.quote("scontext=" + source + " ")
                + " | grep -F " + SelinuxLab.quote("tcontext=" + target + " ") + " | head -n 1";
        for (int attempt = 0; attempt < 10; attempt++) {
            String line = SelinuxLab.ssh(command).output().strip();
            if (!line.isEmpty()) {
                return line;
            }
            sleep(1000);
        }
        return fail("no AVC denial from " + source + " on " + target + " in the lab's audit log");
    }

    private DomainSecurity security(String uuid) {
        DomainRecord record = connection.domain(uuid).orElseThrow();
        return inspector.snapshot(host, record).security();
    }

    private NewDomain.Builder isolated(String which) {
        // What the wizard writes for an Isolated VM on an SELinux host: libvirt picks the pair.
        return NewDomain.builder("bulkhead-lab-" + tag + "-" + which).virtType("qemu").memoryMiB(64).machine("q35")
                .seclabel(SecLabel.dynamic("selinux"));
    }

    private DomainRecord define(NewDomain domain) {
        DomainRecord record = connection.define(DomainXml.write(domain));
        domains.add(record.uuid());
        return record;
    }

    private StorageVolume volume(String name, String format, long bytes) {
        StorageVolume volume = connection.createVolume(new VolumeRequest(POOL, "bulkhead-lab-" + tag + "-" + name,
                bytes, format, 0600));
        volumes.add(volume.path());
        return volume;
    }

    /** Every seclabel of every domain as the ledger takes it. */
    static List<LabelUse> labelUses(List<DomainRecord> records) {
        return records.stream().flatMap(record -> LabelUses.of(record).stream()).toList();
    }

    private static boolean involves(Collision collision, String uuid) {
        return collision.domainA().equals(uuid) || collision.domainB().equals(uuid);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String one(String output) {
        return output.replaceAll("\\s+", " ").strip();
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
