package org.bulkhead.model.provision;

import org.bulkhead.model.isolation.IsolationModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.bulkhead.model.domain.NewDisk;
import org.bulkhead.model.provision.PreflightFinding.Check;
import org.bulkhead.model.provision.PreflightFinding.Fix;
import org.bulkhead.model.provision.PreflightFinding.Status;

/**
 * The VM's existing files (an ISO, an imported image): whether Bulkhead may hand them to a VM at
 * all ({@link SourceRules}), whether an isolated VM's images will be private to it, and whether
 * install media stay what they are, public and read-only.
 */
final class SourceCheck implements PreflightCheck {

    private final PreflightInputs in;

    SourceCheck(PreflightInputs in) {
        this.in = in;
    }

    @Override
    public List<PreflightFinding> findings() {
        return List.of(allowed(), privateFiles(), installMedia());
    }

    private PreflightFinding allowed() {
        List<NewDisk> existing = in.existingFiles();
        if (existing.isEmpty()) {
            return PreflightFinding.passed(Check.SOURCE_ALLOWED, "The VM gets no existing file, only what Finish creates.");
        }
        if (in.simulated()) {
            return PreflightFinding.passed(Check.SOURCE_ALLOWED, in.notVisible());
        }
        if (in.files().isEmpty()) {
            return remote(existing);
        }
        HostFiles files = in.files().get();
        List<String> refused = new ArrayList<>();
        List<NewDisk> copyable = new ArrayList<>();
        for (NewDisk disk : existing) {
            Optional<HostFiles.PathFacts> facts = files.facts(Path.of(disk.path()));
            if (facts.isEmpty()) {
                refused.add(disk.path() + " does not exist: choose the file again");
                continue;
            }
            Optional<String> refusal = in.rules().refusal(facts.get());
            if (refusal.isPresent()) {
                refused.add(refusal.get());
                if (!SourceRules.isSystem(facts.get().realPath()) && facts.get().regularFile()) {
                    copyable.add(disk);
                }
            }
        }
        if (refused.isEmpty()) {
            return PreflightFinding.passed(Check.SOURCE_ALLOWED, "Every existing file is in a storage pool, your home"
                    + " folder or an allowed folder, and is a plain file with one name.");
        }
        Optional<Path> pool = in.rules().poolDirectories().stream().findFirst();
        String explanation = String.join("; ", refused) + ". Nothing is defined until this is fixed: starting the"
                + " VM would change the owner or label of what it is given. Bulkhead hands a VM only files in "
                + in.rules().rule() + "."
                + (pool.isPresent() && !copyable.isEmpty() ? " Copy the file into the pool to use it." : "");
        Optional<String> command = pool.filter(p -> !copyable.isEmpty()).map(dir -> String.join(" && ",
                copyable.stream().map(d -> "cp --sparse=always " + quote(d.path()) + " " + quote(dir + "/")).toList()));
        Optional<Fix> fix = pool.filter(p -> copyable.size() == 1 && refused.size() == 1).map(dir -> {
            NewDisk disk = copyable.get(0);
            int mode = disk.readonly() ? 0644 : IsolationModel.PRIVATE_MODE;
            return new Fix("Copy it into " + dir, () -> {
                Path copy = files.copyInto(Path.of(disk.path()), dir, mode);
                in.replaceSource().accept(copy.toString());
            });
        });
        return new PreflightFinding(Check.SOURCE_ALLOWED, Status.BLOCKING, explanation, command, fix);
    }

    /** A remote host's files cannot be resolved from here: only the path as written can be judged. */
    private PreflightFinding remote(List<NewDisk> existing) {
        List<String> outside = existing.stream().map(NewDisk::path).filter(p -> !in.rules().inPool(Path.of(p))).toList();
        if (!outside.isEmpty()) {
            return new PreflightFinding(Check.SOURCE_ALLOWED, Status.BLOCKING, String.join(", ", outside)
                    + " is outside the storage pools of this remote host. From here Bulkhead cannot see what such a"
                    + " file is, so it hands a remote VM only files in " + in.rules().rule().split(",")[0]
                    + ": upload it into a pool first.", Optional.of("virsh vol-create-as POOL NAME SIZE && virsh"
                    + " vol-upload --pool POOL NAME FILE"), Optional.empty());
        }
        return PreflightFinding.notChecked(Check.SOURCE_ALLOWED, "Every file is in a storage pool's folder by its"
                + " path; whether it is a symbolic or hard link to something else on the remote host could not be"
                + " checked from here.");
    }

    /** Isolated means the VM's read-write images are readable by that VM alone. */
    private PreflightFinding privateFiles() {
        int mode = in.draft().isolation().volumeMode();
        List<NewDisk> images = in.existingFiles().stream().filter(d -> !d.readonly() && !d.shareable()).toList();
        if (in.simulated()) {
            return PreflightFinding.passed(Check.PRIVATE_FILES, in.notVisible());
        }
        if (mode == -1 || images.isEmpty()) {
            return PreflightFinding.passed(Check.PRIVATE_FILES, mode == -1
                    ? "Not isolated: the VM's files keep the permissions they have."
                    : "The new volume is created private (" + String.format("%04o", mode) + ").");
        }
        if (in.files().isEmpty()) {
            return in.simulated() ? PreflightFinding.passed(Check.PRIVATE_FILES, in.notVisible())
                    : PreflightFinding.notChecked(Check.PRIVATE_FILES, "Whether " + String.join(", ",
                            images.stream().map(NewDisk::path).toList()) + " can be read by others on the remote"
                            + " host could not be checked from here.");
        }
        List<String> opened = new ArrayList<>();
        for (NewDisk image : images) {
            in.files().get().facts(Path.of(image.path())).filter(HostFiles.PathFacts::openToOthers)
                    .ifPresent(f -> opened.add(image.path() + " (now " + f.modeOctal() + ")"));
        }
        if (opened.isEmpty()) {
            return PreflightFinding.passed(Check.PRIVATE_FILES, "The VM's images are private: neither group nor"
                    + " others may read them.");
        }
        return new PreflightFinding(Check.PRIVATE_FILES, Status.WARNING, "Finish makes " + String.join(", ", opened)
                + " private (" + String.format("%04o", mode) + "), because an isolated VM's image must be readable by"
                + " that VM alone; it stays so after the VM stops.", Optional.of(String.join(" && ", images.stream()
                        .map(i -> "chmod " + String.format("%04o", mode) + " " + quote(i.path())).toList())),
                Optional.empty());
    }

    /** Install media are given read-only and left as they are, so QEMU must be able to read them as they are. */
    private PreflightFinding installMedia() {
        List<NewDisk> media = in.existingFiles().stream().filter(NewDisk::readonly).toList();
        if (media.isEmpty()) {
            return PreflightFinding.passed(Check.INSTALL_MEDIA, "The VM has no install media.");
        }
        if (in.files().isEmpty()) {
            return in.simulated() ? PreflightFinding.passed(Check.INSTALL_MEDIA, in.notVisible())
                    : PreflightFinding.notChecked(Check.INSTALL_MEDIA, "Whether QEMU may read " + String.join(", ",
                            media.stream().map(NewDisk::path).toList()) + " on the remote host could not be checked"
                            + " from here.");
        }
        OptionalInt uid = in.qemuUid();
        OptionalInt gid = in.qemuGid();
        List<String> unreadable = new ArrayList<>();
        for (NewDisk disk : media) {
            Optional<HostFiles.PathFacts> facts = in.files().get().facts(Path.of(disk.path()))
                    .filter(f -> in.rules().refusal(f).isEmpty()); // a refused file is never offered to be opened up
            if (facts.isPresent() && uid.isPresent() && gid.isPresent()
                    && !facts.get().readableBy(uid.getAsInt(), gid.getAsInt())) {
                unreadable.add(disk.path() + " (" + facts.get().modeOctal() + ", owner " + facts.get().uid() + ")");
            }
        }
        boolean leftAlone = media.stream().allMatch(d -> !d.leftAloneBy().isEmpty());
        String kept = leftAlone ? "Install media are given read-only and keep their owner and mode: they are never"
                + " handed over to one VM." : "Install media are given read-only with libvirt's shared read-only label.";
        if (unreadable.isEmpty()) {
            return PreflightFinding.passed(Check.INSTALL_MEDIA, kept);
        }
        HostFiles files = in.files().get();
        return new PreflightFinding(Check.INSTALL_MEDIA, Status.BLOCKING, kept + " QEMU (UID " + uid.getAsInt()
                + ", GID " + gid.getAsInt() + ") cannot read " + String.join(", ", unreadable) + ", so the VM would"
                + " not start. An install image is public: let everyone read it.",
                Optional.of(String.join(" && ", media.stream().map(d -> "chmod o+r " + quote(d.path())).toList())),
                Optional.of(new Fix("Let everyone read " + (media.size() == 1 ? "it" : "them"), () -> media.forEach(d -> {
                    Path path = Path.of(d.path());
                    files.facts(path).ifPresent(f -> files.setMode(path, f.mode() | 0004));
                }))));
    }

    static String quote(String path) {
        return "'" + path.replace("'", "'\\''") + "'";
    }
}
