package org.bulkhead.model.provision;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.bulkhead.model.provision.PreflightFinding.Check;
import org.bulkhead.model.provision.PreflightFinding.Fix;
import org.bulkhead.model.provision.PreflightFinding.Status;

/** Whether QEMU, as the user it will run as, can traverse to the VM's files and open KVM. */
final class QemuReachCheck extends OneFindingCheck {

    private static final Path KVM = Path.of("/dev/kvm");

    QemuReachCheck(PreflightInputs in) {
        super(in);
    }

    @Override
    PreflightFinding finding() {
        if (in.files().isEmpty()) {
            return PreflightFinding.passed(Check.QEMU_CAN_REACH, in.notVisible());
        }
        HostFiles files = in.files().get();
        OptionalInt uid = in.qemuUid();
        OptionalInt gid = in.qemuGid();
        if (uid.isEmpty() || gid.isEmpty()) {
            return PreflightFinding.notChecked(Check.QEMU_CAN_REACH,
                    "libvirt did not say which user QEMU runs as, so directory permissions were not checked.");
        }
        Set<Path> blocked = new LinkedHashSet<>();
        for (Path path : in.diskPaths()) {
            for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
                Optional<HostFiles.PathFacts> facts = files.facts(dir);
                if (facts.isPresent() && !facts.get().traversableBy(uid.getAsInt(), gid.getAsInt())) {
                    blocked.add(dir);
                }
            }
        }
        String who = "UID " + uid.getAsInt() + ", GID " + gid.getAsInt();
        if ("kvm".equals(in.draft().request().virtType())) {
            Optional<HostFiles.PathFacts> kvm = files.facts(KVM);
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
        String commands = String.join(" && ", dirs.stream().map(files::allowTraverseCommand).toList());
        return new PreflightFinding(Check.QEMU_CAN_REACH, Status.BLOCKING, "QEMU runs as " + who
                + " and cannot search " + String.join(", ", dirs.stream().map(Path::toString).toList())
                + " (no x permission for it), so the VM would fail to open its files.",
                Optional.of(commands), Optional.of(new Fix("Let everyone traverse " + (dirs.size() == 1 ? "it" : "them"),
                        () -> dirs.forEach(files::allowTraverse))));
    }
}
