package org.bulkhead.model.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.ledger.LedgerConfig;
import org.bulkhead.model.provision.PreflightFinding.Check;
import org.bulkhead.model.provision.PreflightFinding.Status;
import org.bulkhead.model.security.HostEnforcement;
import org.junit.jupiter.api.Test;

class PreflightTest {

    private final LabelLedger ledger = new LabelLedger(LedgerConfig.defaults().withRandom(new Random(1)));
    private final Files files = new Files();

    /** Directories by path with their owner and mode; everything on ext4 with xattrs unless named. */
    static final class Files implements HostFiles {
        final Map<Path, PathFacts> facts = new HashMap<>();
        int traversed;

        void dir(String path, int uid, int gid, int mode, String fs) {
            facts.put(Path.of(path), new PathFacts(Path.of(path), uid, gid, mode, true, fs, !fs.startsWith("nfs")));
        }

        @Override
        public Optional<PathFacts> facts(Path path) {
            return Optional.ofNullable(facts.get(path));
        }

        @Override
        public void allowTraverse(Path dir) {
            PathFacts old = facts.get(dir);
            facts.put(dir, new PathFacts(dir, old.uid(), old.gid(), old.mode() | 1, true, old.filesystemType(), old.xattrs()));
            traversed++;
        }

        @Override
        public String allowTraverseCommand(Path dir) {
            return "chmod o+x '" + dir + "'";
        }
    }

    private VmRequest importing(String image) {
        return new VmRequest("web", "qemu", new VmRequest.InstallSource.ImportImage(image, "qcow2"),
                new VmRequest.Storage.NoNewVolume(), 512, 1, Optional.empty(), true, false, true);
    }

    private Map<Check, PreflightFinding> run(ProvisionDraft draft, List<DomainRecord> domains) {
        LabelUses.resync(ledger, domains);
        Map<Check, PreflightFinding> byCheck = new HashMap<>();
        new Preflight(draft, domains, ledger, Optional.of(files), () -> { }).run().forEach(f -> byCheck.put(f.check(), f));
        return byCheck;
    }

    @Test
    void aFolderQemuCannotSearchBlocksFinishAndTheFixOpensIt() {
        files.dir("/", 0, 0, 0755, "ext4");
        files.dir("/home", 0, 0, 0755, "ext4");
        files.dir("/home/alice", 1000, 1000, 0700, "ext4");
        ProvisionDraft draft = ProvisionPlanner.draft(importing("/home/alice/vm.qcow2"), Hosts.dac(), ledger, List.of());

        PreflightFinding reach = run(draft, List.of()).get(Check.QEMU_CAN_REACH);
        assertEquals(Status.BLOCKING, reach.status());
        assertTrue(reach.explanation().contains("/home/alice"), reach.explanation());
        assertEquals(Optional.of("chmod o+x '/home/alice'"), reach.command());

        reach.fix().orElseThrow().action().run();
        assertEquals(Status.PASSED, run(draft, List.of()).get(Check.QEMU_CAN_REACH).status());
    }

    @Test
    void anImageAnotherVmWritesBlocksFinishTwice() {
        files.dir("/", 0, 0, 0755, "ext4");
        files.dir("/img", 0, 0, 0711, "ext4");
        ProvisionDraft draft = ProvisionPlanner.draft(importing("/img/base.qcow2"), Hosts.dac(), ledger, List.of());
        DomainRecord other = new DomainRecord("99999999-0000-0000-0000-000000000000", "other", DomainState.RUNNING,
                "<domain type='kvm'><name>other</name><uuid>99999999-0000-0000-0000-000000000000</uuid><devices>"
                        + "<disk type='file' device='disk'><source file='/img/base.qcow2'/><target dev='vda'/></disk>"
                        + "</devices></domain>");

        Map<Check, PreflightFinding> findings = run(draft, List.of(other));
        assertEquals(Status.BLOCKING, findings.get(Check.IMAGE_IN_USE).status());
        assertEquals(Status.BLOCKING, findings.get(Check.SHARED_WITHOUT_SHAREABLE).status());
        assertTrue(findings.get(Check.IMAGE_IN_USE).explanation().contains("'other'"));
        assertFalse(Preflight.allowsFinish(List.copyOf(findings.values())));
    }

    @Test
    void nfsPermissiveAndMissingDriverAreEachExplained() {
        files.dir("/", 0, 0, 0755, "ext4");
        files.dir("/mnt", 0, 0, 0755, "nfs4");
        ProvisionDraft draft = ProvisionPlanner.draft(importing("/mnt/vm.qcow2"),
                Hosts.of(HostEnforcement.PERMISSIVE, "selinux", "dac"), ledger, List.of());
        files.facts.put(Path.of("/mnt/vm.qcow2"), new HostFiles.PathFacts(Path.of("/mnt/vm.qcow2"), 0, 0, 0600, false,
                "nfs4", false));
        Map<Check, PreflightFinding> findings = run(draft, List.of());
        assertEquals(Status.WARNING, findings.get(Check.FILESYSTEM).status());
        assertEquals(Optional.of("setsebool -P virt_use_nfs 1"), findings.get(Check.FILESYSTEM).command());
        assertEquals(Status.WARNING, findings.get(Check.ENFORCEMENT).status());
        assertTrue(findings.get(Check.ENFORCEMENT).command().orElseThrow().startsWith("setenforce 1"));

        VmRequest unisolated = new VmRequest("x", "qemu", new VmRequest.InstallSource.NetworkBoot(),
                new VmRequest.Storage.NoNewVolume(), 512, 1, Optional.empty(), false, false, false);
        PreflightFinding driver = run(ProvisionPlanner.draft(unisolated, Hosts.none(), ledger, List.of()), List.of())
                .get(Check.SECURITY_DRIVER);
        assertEquals(Status.WARNING, driver.status());
    }

    @Test
    void anIsolatedKvmVmWhoseUidCannotOpenDevKvmIsStoppedBeforeFinish() {
        files.dir("/", 0, 0, 0755, "ext4");
        files.dir("/img", 0, 0, 0711, "ext4");
        files.facts.put(Path.of("/dev/kvm"), new HostFiles.PathFacts(Path.of("/dev/kvm"), 0, 107, 0660, false,
                "devtmpfs", false));
        VmRequest kvm = new VmRequest("web", "kvm", new VmRequest.InstallSource.ImportImage("/img/a.qcow2", "qcow2"),
                new VmRequest.Storage.NoNewVolume(), 512, 1, Optional.empty(), true, false, true);
        PreflightFinding reach = run(ProvisionPlanner.draft(kvm, Hosts.dac(), ledger, List.of()), List.of())
                .get(Check.QEMU_CAN_REACH);
        assertEquals(Status.BLOCKING, reach.status());
        assertTrue(reach.explanation().contains("TCG"), reach.explanation());

        VmRequest tcg = new VmRequest("web", "qemu", kvm.source(), kvm.storage(), 512, 1, Optional.empty(), true,
                false, true);
        assertEquals(Status.PASSED, run(ProvisionPlanner.draft(tcg, Hosts.dac(), ledger, List.of()), List.of())
                .get(Check.QEMU_CAN_REACH).status());
    }

    @Test
    void anIsoOfAnIsolatedDacVmIsFlaggedBecauseLibvirtKeepsItChowned() {
        VmRequest iso = new VmRequest("web", "qemu", new VmRequest.InstallSource.Iso("/isos/d.iso"),
                new VmRequest.Storage.NoNewVolume(), 512, 1, Optional.empty(), true, false, true);
        PreflightFinding kept = run(ProvisionPlanner.draft(iso, Hosts.dac(), ledger, List.of()), List.of())
                .get(Check.READ_ONLY_KEPT);
        assertEquals(Status.WARNING, kept.status());
        assertEquals(Optional.of("chown root:root '/isos/d.iso'   # after the VM stops"), kept.command());
        assertEquals(Status.PASSED, run(ProvisionPlanner.draft(iso, Hosts.selinux(), ledger, List.of()), List.of())
                .get(Check.READ_ONLY_KEPT).status());
    }
}
