package org.bulkhead.model.provision;

import org.bulkhead.model.isolation.IsolationPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.provision.PreflightFinding.Check;
import org.bulkhead.model.provision.PreflightFinding.Fix;
import org.bulkhead.model.provision.PreflightFinding.Status;

/**
 * The checks run before Finish, each one for a way a new VM could end up less isolated (or not
 * start) without anyone noticing. One finding per check, passed ones included, so the wizard
 * can show what was checked.
 */
public final class Preflight {

    private static final Set<String> NO_LABEL_FILESYSTEMS = Set.of("nfs", "nfs4", "cifs", "smb3", "9p",
            "virtiofs", "ceph", "glusterfs");

    private static final Path KVM = Path.of("/dev/kvm");

    private final PreflightInputs in;
    private final ProvisionDraft draft;
    private final LabelLedger ledger;
    private final Optional<HostFiles> files;

    public Preflight(PreflightInputs inputs) {
        this.in = inputs;
        this.draft = inputs.draft();
        this.ledger = inputs.ledger();
        this.files = inputs.files();
    }

    public List<PreflightFinding> run() {
        List<PreflightFinding> findings = new ArrayList<>();
        findings.addAll(new SourceCheck(in).run());
        findings.addAll(new ImageSharing(in).run());
        findings.add(filesystem());
        findings.add(reach());
        findings.add(enforcement());
        findings.add(driver());
        findings.add(collision());
        findings.add(hostSetup());
        return findings;
    }

    /** Passes either way: what Finish will set up on the host is said here, before it happens. */
    private PreflightFinding hostSetup() {
        HostPreparation preparation = draft.preparation();
        if (preparation.isEmpty()) {
            return PreflightFinding.passed(Check.HOST_SETUP, "The storage pool and network this VM uses are running.");
        }
        return new PreflightFinding(Check.HOST_SETUP, Status.PASSED, "Finish will first "
                + String.join(", and ", preparation.changes()) + "; if Finish fails, that is undone too.",
                Optional.of(preparation.commands()), Optional.empty());
    }

    /** Whether Finish may go ahead: no check blocks. */
    public static boolean allowsFinish(List<PreflightFinding> findings) {
        return findings.stream().noneMatch(f -> f.status() == Status.BLOCKING);
    }

    private PreflightFinding filesystem() {
        if (files.isEmpty()) {
            return PreflightFinding.passed(Check.FILESYSTEM, in.notVisible());
        }
        List<String> problems = new ArrayList<>();
        boolean network = false;
        for (Path path : paths()) {
            Optional<HostFiles.PathFacts> facts = files.get().facts(existing(path));
            if (facts.isEmpty()) {
                continue;
            }
            String type = facts.get().filesystemType().toLowerCase(Locale.ROOT);
            if (NO_LABEL_FILESYSTEMS.contains(type) || type.startsWith("fuse")) {
                network = network || type.startsWith("nfs");
                problems.add(path + " is on " + type + ", which keeps no per-file security labels and may refuse"
                        + " chown (root squash)");
            } else if (!facts.get().xattrs()) {
                problems.add(path + " is on " + type + " without extended attributes, so libvirt cannot remember"
                        + " and restore the original owner and label after the VM stops");
            }
        }
        if (problems.isEmpty()) {
            return PreflightFinding.passed(Check.FILESYSTEM, "Every file is on a local filesystem that keeps labels.");
        }
        Optional<String> command = network ? draft.isolation().rules().networkFilesystemCommand() : Optional.empty();
        return new PreflightFinding(Check.FILESYSTEM, Status.WARNING, String.join("; ", problems)
                + ". The VM's images there are not protected by their label; move them to local storage.",
                command, Optional.empty());
    }

    private PreflightFinding reach() {
        if (files.isEmpty()) {
            return PreflightFinding.passed(Check.QEMU_CAN_REACH, in.notVisible());
        }
        OptionalInt uid = in.qemuUid();
        OptionalInt gid = in.qemuGid();
        if (uid.isEmpty() || gid.isEmpty()) {
            return PreflightFinding.notChecked(Check.QEMU_CAN_REACH,
                    "libvirt did not say which user QEMU runs as, so directory permissions were not checked.");
        }
        Set<Path> blocked = new LinkedHashSet<>();
        for (Path path : paths()) {
            for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
                Optional<HostFiles.PathFacts> facts = files.get().facts(dir);
                if (facts.isPresent() && !facts.get().traversableBy(uid.getAsInt(), gid.getAsInt())) {
                    blocked.add(dir);
                }
            }
        }
        String who = "UID " + uid.getAsInt() + ", GID " + gid.getAsInt();
        if ("kvm".equals(draft.request().virtType())) {
            Optional<HostFiles.PathFacts> kvm = files.get().facts(KVM);
            if (kvm.isPresent() && !kvm.get().readWritableBy(uid.getAsInt(), gid.getAsInt())) {
                return new PreflightFinding(Check.QEMU_CAN_REACH, Status.BLOCKING, "QEMU runs as " + who
                        + " and cannot open " + KVM + " (" + String.format("%04o", kvm.get().mode() & 07777)
                        + ", owner " + kvm.get().uid() + ", group " + kvm.get().gid() + "), so a KVM domain would not"
                        + " start. Choose \"Emulate the CPU (TCG)\" on the page \"Operating system, memory and CPUs\", or let every"
                        + " user open KVM.", Optional.of("chmod 0666 " + KVM), Optional.empty());
            }
        }
        if (blocked.isEmpty()) {
            return PreflightFinding.passed(Check.QEMU_CAN_REACH, "QEMU (" + who + ") may traverse every folder"
                    + " above this VM's files; libvirt gives it the files themselves at start.");
        }
        List<Path> dirs = List.copyOf(blocked);
        HostFiles local = files.get();
        String commands = String.join(" && ", dirs.stream().map(local::allowTraverseCommand).toList());
        return new PreflightFinding(Check.QEMU_CAN_REACH, Status.BLOCKING, "QEMU runs as " + who
                + " and cannot search " + String.join(", ", dirs.stream().map(Path::toString).toList())
                + " (no x permission for it), so the VM would fail to open its files.",
                Optional.of(commands), Optional.of(new Fix("Let everyone traverse " + (dirs.size() == 1 ? "it" : "them"),
                        () -> dirs.forEach(local::allowTraverse))));
    }

    private PreflightFinding enforcement() {
        return switch (draft.host().enforcement()) {
            case ENFORCING, DAC_ONLY -> PreflightFinding.passed(Check.ENFORCEMENT,
                    "The kernel enforces the labels (" + draft.host().enforcement().label() + ").");
            case PERMISSIVE -> new PreflightFinding(Check.ENFORCEMENT, Status.WARNING, "SELinux is permissive: the"
                    + " VM gets its label, but the kernel only logs what the label forbids instead of refusing it.",
                    Optional.of("setenforce 1   # and SELINUX=enforcing in /etc/selinux/config"), Optional.empty());
            case COMPLAIN -> new PreflightFinding(Check.ENFORCEMENT, Status.WARNING, "AppArmor profiles are in"
                    + " complain mode: violations are logged, not refused.",
                    Optional.of("aa-enforce /etc/apparmor.d/libvirt/TEMPLATE.qemu"), Optional.empty());
            case DISABLED -> new PreflightFinding(Check.ENFORCEMENT, Status.WARNING, "The security module is"
                    + " disabled: labels are written but nothing enforces them.",
                    Optional.of("set SELINUX=enforcing in /etc/selinux/config and reboot"), Optional.empty());
            case SIMULATED -> new PreflightFinding(Check.ENFORCEMENT, Status.WARNING, "The test driver keeps the"
                    + " label but enforces nothing: isolation here is simulated.", Optional.empty(), Optional.empty());
            case UNKNOWN_REMOTE -> PreflightFinding.passed(Check.ENFORCEMENT, "The remote kernel's mode is not"
                    + " visible from here; the VM's details show whether its label is enforced once it runs.");
            case NONE -> new PreflightFinding(Check.ENFORCEMENT, Status.WARNING, "Nothing on this host enforces"
                    + " labels.", Optional.empty(), Optional.empty());
        };
    }

    private PreflightFinding driver() {
        if (draft.isolation().rules().confines()) {
            return PreflightFinding.passed(Check.SECURITY_DRIVER, "libvirt uses " + draft.host().modelsText()
                    + " (" + draft.isolation().rules().title() + ").");
        }
        return new PreflightFinding(Check.SECURITY_DRIVER, draft.request().isolated() ? Status.BLOCKING : Status.WARNING,
                "libvirt uses no security driver here, so this VM runs unconfined: it can open every image QEMU's"
                        + " user can.", Optional.of("security_driver = \"selinux\"   # in /etc/libvirt/qemu.conf,"
                        + " then restart libvirtd"), Optional.empty());
    }

    private PreflightFinding collision() {
        IsolationPlan isolation = draft.isolation();
        if (!isolation.isolated()) {
            return PreflightFinding.passed(Check.LABEL_COLLISION, "Not isolated: this VM shares its label with the"
                    + " other unisolated VMs by design.");
        }
        Optional<String> holder = isolation.reservedPair().flatMap(ledger::ownerOf)
                .or(() -> isolation.reservedUid().isPresent() ? ledger.ownerOfUid(isolation.reservedUid().getAsInt())
                        : Optional.empty());
        if (!isolation.reserves()) {
            return PreflightFinding.passed(Check.LABEL_COLLISION, "libvirt allocates a label no running VM it"
                    + " started holds; Bulkhead checks it against static labels once the VM runs.");
        }
        if (holder.isPresent() && !holder.get().equals(draft.uuid())) {
            String name = in.domains().stream().filter(d -> d.uuid().equals(holder.get())).map(DomainRecord::name)
                    .findFirst().orElse(holder.get());
            return new PreflightFinding(Check.LABEL_COLLISION, Status.BLOCKING, isolation.label().orElse("The label")
                    + " is already held by '" + name + "' (defined since this label was chosen), so the two VMs"
                    + " would share one compartment.", Optional.empty(),
                    Optional.of(new Fix("Choose another label", in.reallocate())));
        }
        return PreflightFinding.passed(Check.LABEL_COLLISION, isolation.label().orElse("The label")
                + " is held by no other domain defined on this connection, running or not.");
    }

    private List<Path> paths() {
        List<Path> paths = new ArrayList<>();
        draft.domain().disks().forEach(d -> paths.add(Path.of(d.path())));
        return paths;
    }

    /** The path, or for a volume not created yet, its folder. */
    private Path existing(Path path) {
        return draft.volumePath().filter(path.toString()::equals).isPresent() && path.getParent() != null
                ? path.getParent() : path;
    }

}
