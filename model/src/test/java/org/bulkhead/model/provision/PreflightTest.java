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
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.hypervisor.StoragePoolInfo;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.ledger.LedgerConfig;
import org.bulkhead.model.provision.PreflightFinding.Check;
import org.bulkhead.model.provision.PreflightFinding.Status;
import org.bulkhead.model.host.HostEnforcement;
import org.bulkhead.model.host.HostContext;
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

        /** A file with its real path, identity and number of names. */
        void file(String path, String realPath, String identity, int uid, int mode, int links) {
            facts.put(Path.of(path), new PathFacts(Path.of(path), uid, 0, mode, false, "ext4", true,
                    Path.of(realPath), identity, links, true));
        }

        @Override
        public void setMode(Path file, int mode) {
            PathFacts old = facts.get(file);
            facts.put(file, new PathFacts(file, old.uid(), old.gid(), mode, old.directory(), old.filesystemType(),
                    old.xattrs(), old.realPath(), old.identity(), old.links(), old.regularFile()));
        }

        @Override
        public Path copyInto(Path file, Path dir, int mode) {
            copies.add(file + " -> " + dir);
            Path copy = dir.resolve(file.getFileName());
            file(copy.toString(), copy.toString(), "copy", 0, facts.get(file).mode() & mode, 1);
            return copy;
        }

        final List<String> copies = new java.util.ArrayList<>();

        @Override
        public int userId() {
            return 1000;
        }

        @Override
        public Optional<Path> userHome() {
            return Optional.of(Path.of("/home/alice"));
        }

        @Override
        public List<Path> allowedSourceDirectories() {
            return List.of(Path.of("/srv/allowed"));
        }
    }

    private static final StoragePoolInfo POOL = new StoragePoolInfo("default", "dir",
            Optional.of("/var/lib/libvirt/images"), true);
    private String replacedSource;

    private VmRequest importing(String image) {
        return new VmRequest("web", "qemu", new VmRequest.InstallSource.ImportImage(image, "qcow2"),
                new VmRequest.Storage.NoNewVolume(), 512, 1, Optional.empty(), true, false, true);
    }

    private Map<Check, PreflightFinding> run(ProvisionDraft draft, List<DomainRecord> domains) {
        LabelUses.resync(ledger, domains);
        Map<Check, PreflightFinding> byCheck = new HashMap<>();
        new Preflight(PreflightInputs.of(draft, domains, ledger, Optional.of(files), List.of(POOL), () -> { },
                path -> replacedSource = path)).run().forEach(f -> byCheck.put(f.check(), f));
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

    private VmRequest iso(String path) {
        return new VmRequest("web", "qemu", new VmRequest.InstallSource.Iso(path),
                new VmRequest.Storage.NoNewVolume(), 512, 1, Optional.empty(), true, false, true);
    }

    private static DomainRecord using(String name, String image) {
        String uuid = "99999999-0000-0000-0000-00000000000" + Math.abs(name.hashCode() % 10);
        return new DomainRecord(uuid, name, DomainState.SHUT_OFF, "<domain type='kvm'><name>" + name + "</name><uuid>"
                + uuid + "</uuid><devices><disk type='file' device='disk'><source file='" + image
                + "'/><target dev='vda'/></disk></devices></domain>");
    }

    @Test
    void aSystemFileIsRefusedAndNoFixOffersToCopyOrOpenIt() {
        files.file("/etc/shadow", "/etc/shadow", "1:10", 0, 0640, 1);
        Map<Check, PreflightFinding> findings = run(ProvisionPlanner.draft(iso("/etc/shadow"), Hosts.dac(), ledger,
                List.of()), List.of());

        PreflightFinding allowed = findings.get(Check.SOURCE_ALLOWED);
        assertEquals(Status.BLOCKING, allowed.status());
        assertTrue(allowed.explanation().contains("/etc/shadow is a system file"), allowed.explanation());
        assertTrue(allowed.fix().isEmpty(), "a system file is never copied out");
        assertTrue(findings.get(Check.INSTALL_MEDIA).fix().isEmpty(), "a system file is never opened to everyone");
        assertFalse(Preflight.allowsFinish(List.copyOf(findings.values())));
    }

    @Test
    void aSymbolicLinkToASystemFileIsJudgedByWhereItLeads() {
        files.file("/home/alice/game.iso", "/etc/shadow", "1:10", 1000, 0640, 1);
        PreflightFinding allowed = run(ProvisionPlanner.draft(iso("/home/alice/game.iso"), Hosts.dac(), ledger,
                List.of()), List.of()).get(Check.SOURCE_ALLOWED);
        assertEquals(Status.BLOCKING, allowed.status());
        assertTrue(allowed.explanation().contains("really /etc/shadow"), allowed.explanation());
    }

    @Test
    void aHardLinkIsRefusedBecauseItsOtherNamesAreUnknown() {
        files.file("/var/lib/libvirt/images/x.iso", "/var/lib/libvirt/images/x.iso", "1:10", 0, 0644, 2);
        PreflightFinding allowed = run(ProvisionPlanner.draft(iso("/var/lib/libvirt/images/x.iso"), Hosts.dac(),
                ledger, List.of()), List.of()).get(Check.SOURCE_ALLOWED);
        assertEquals(Status.BLOCKING, allowed.status());
        assertTrue(allowed.explanation().contains("2 names"), allowed.explanation());
    }

    @Test
    void filesInAPoolTheUsersHomeOrTheAllowListMayBeGivenAndOthersAreCopiedInOneClick() {
        files.file("/var/lib/libvirt/images/d.iso", "/var/lib/libvirt/images/d.iso", "1:1", 0, 0644, 1);
        files.file("/home/alice/d.iso", "/home/alice/d.iso", "1:2", 1000, 0644, 1);
        files.file("/home/alice/.ssh/id.iso", "/home/alice/.ssh/id.iso", "1:5", 1000, 0644, 1);
        files.file("/srv/allowed/d.iso", "/srv/allowed/d.iso", "1:3", 0, 0644, 1);
        files.file("/srv/other/d.iso", "/srv/other/d.iso", "1:4", 0, 0644, 1);
        for (String ok : List.of("/var/lib/libvirt/images/d.iso", "/home/alice/d.iso", "/srv/allowed/d.iso")) {
            assertEquals(Status.PASSED, run(ProvisionPlanner.draft(iso(ok), Hosts.dac(), ledger, List.of()), List.of())
                    .get(Check.SOURCE_ALLOWED).status(), ok);
        }
        assertEquals(Status.BLOCKING, run(ProvisionPlanner.draft(iso("/home/alice/.ssh/id.iso"), Hosts.dac(), ledger,
                List.of()), List.of()).get(Check.SOURCE_ALLOWED).status(), "hidden folders of the home are not VM files");

        PreflightFinding outside = run(ProvisionPlanner.draft(iso("/srv/other/d.iso"), Hosts.dac(), ledger, List.of()),
                List.of()).get(Check.SOURCE_ALLOWED);
        assertEquals(Status.BLOCKING, outside.status());
        assertTrue(outside.explanation().contains("allowed-sources"), outside.explanation());
        outside.fix().orElseThrow().action().run();
        assertEquals(List.of("/srv/other/d.iso -> /var/lib/libvirt/images"), files.copies);
        assertEquals("/var/lib/libvirt/images/d.iso", replacedSource);
    }

    @Test
    void aSymbolicLinkToAnotherVmsImageIsFoundByTheFileItself() {
        files.file("/home/alice/link.qcow2", "/var/lib/libvirt/images/b.qcow2", "8:42", 1000, 0600, 1);
        files.file("/var/lib/libvirt/images/b.qcow2", "/var/lib/libvirt/images/b.qcow2", "8:42", 0, 0600, 1);
        Map<Check, PreflightFinding> findings = run(ProvisionPlanner.draft(importing("/home/alice/link.qcow2"),
                Hosts.dac(), ledger, List.of()), List.of(using("b", "/var/lib/libvirt/images/b.qcow2")));
        PreflightFinding inUse = findings.get(Check.IMAGE_IN_USE);
        assertEquals(Status.BLOCKING, inUse.status());
        assertTrue(inUse.explanation().contains("'b'") && inUse.explanation().contains("the same file"),
                inUse.explanation());
        assertFalse(inUse.explanation().contains("loses access"), "says what really happens");
    }

    @Test
    void aDomainWhoseXmlCannotBeReadIsAFindingNotAPass() {
        files.file("/home/alice/a.qcow2", "/home/alice/a.qcow2", "8:1", 1000, 0600, 1);
        DomainRecord broken = new DomainRecord("99999999-0000-0000-0000-000000000009", "broken", DomainState.SHUT_OFF,
                "<domain><devices><disk");
        PreflightFinding inUse = run(ProvisionPlanner.draft(importing("/home/alice/a.qcow2"), Hosts.dac(), ledger,
                List.of()), List.of(broken)).get(Check.IMAGE_IN_USE);
        assertEquals(Status.WARNING, inUse.status());
        assertTrue(inUse.explanation().contains("'broken'"), inUse.explanation());
    }

    @Test
    void anImageOthersMayReadIsMadePrivateAndTheSummarySaysSoFirst() {
        files.file("/home/alice/a.qcow2", "/home/alice/a.qcow2", "8:1", 1000, 0644, 1);
        PreflightFinding mode = run(ProvisionPlanner.draft(importing("/home/alice/a.qcow2"), Hosts.dac(), ledger,
                List.of()), List.of()).get(Check.PRIVATE_FILES);
        assertEquals(Status.WARNING, mode.status());
        assertTrue(mode.explanation().contains("now 0644") && mode.explanation().contains("0600"), mode.explanation());
    }

    @Test
    void anIsoIsLeftAloneByDacAndMustBeReadableByTheVmsOwnUser() {
        files.file("/home/alice/d.iso", "/home/alice/d.iso", "1:2", 1000, 0600, 1);
        ProvisionDraft draft = ProvisionPlanner.draft(iso("/home/alice/d.iso"), Hosts.dac(), ledger, List.of());
        assertTrue(draft.xml().contains("<seclabel model=\"dac\" relabel=\"no\"/>"), draft.xml());

        PreflightFinding media = run(draft, List.of()).get(Check.INSTALL_MEDIA);
        assertEquals(Status.BLOCKING, media.status());
        assertEquals(Optional.of("chmod o+r '/home/alice/d.iso'"), media.command());
        media.fix().orElseThrow().action().run();
        assertEquals(0604, files.facts.get(Path.of("/home/alice/d.iso")).mode());
        assertEquals(Status.PASSED, run(draft, List.of()).get(Check.INSTALL_MEDIA).status());
    }

    @Test
    void onARemoteHostWhatCannotBeSeenIsNotCheckedNeverPassed() {
        HostContext local = Hosts.dac();
        HostContext remote = new HostContext(new HostInfo("qemu+ssh://far/system", "far", "QEMU", "1", "1", false),
                local.capabilities(), local.models(), HostEnforcement.UNKNOWN_REMOTE, Optional.empty(),
                local.baseContexts(), List.of());
        ProvisionDraft draft = ProvisionPlanner.draft(importing("/var/lib/libvirt/images/a.qcow2"), remote, ledger,
                List.of());
        Map<Check, PreflightFinding> findings = run(draft, List.of());
        assertEquals(Status.NOT_CHECKED, findings.get(Check.IMAGE_IN_USE).status());
        assertEquals(Status.NOT_CHECKED, findings.get(Check.SOURCE_ALLOWED).status());
        assertEquals(Status.BLOCKING, run(ProvisionPlanner.draft(importing("/root/a.qcow2"), remote, ledger, List.of()),
                List.of()).get(Check.SOURCE_ALLOWED).status());
    }
}
