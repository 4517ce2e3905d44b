package org.bulkhead.model.provision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.bulkhead.model.provision.PreflightFinding.Check;
import org.bulkhead.model.provision.PreflightFinding.Status;

/** Whether the VM's files are on a filesystem that keeps per-file labels and the originals libvirt restores. */
final class FilesystemCheck extends OneFindingCheck {

    private static final Set<String> NO_LABEL_FILESYSTEMS = Set.of("nfs", "nfs4", "cifs", "smb3", "9p",
            "virtiofs", "ceph", "glusterfs");

    FilesystemCheck(PreflightInputs in) {
        super(in);
    }

    @Override
    PreflightFinding finding() {
        if (in.files().isEmpty()) {
            return PreflightFinding.passed(Check.FILESYSTEM, in.notVisible());
        }
        List<String> problems = new ArrayList<>();
        boolean network = false;
        for (Path path : in.diskPaths()) {
            Optional<HostFiles.PathFacts> facts = in.files().get().facts(in.existingOrFolder(path));
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
        Optional<String> command = network ? in.draft().isolation().rules().networkFilesystemCommand()
                : Optional.empty();
        return new PreflightFinding(Check.FILESYSTEM, Status.WARNING, String.join("; ", problems)
                + ". The VM's images there are not protected by their label; move them to local storage.",
                command, Optional.empty());
    }
}
