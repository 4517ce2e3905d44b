package org.bulkhead.model.provision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bulkhead.model.domain.Disk;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.DomainXmlException;
import org.bulkhead.model.domain.NewDisk;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.ledger.LabelUse;
import org.bulkhead.model.provision.PreflightFinding.Check;
import org.bulkhead.model.provision.PreflightFinding.Status;

/**
 * Whether another domain on the connection already uses one of this VM's existing files. Files
 * are compared by identity (device and inode) on this machine, so a symbolic link, a link to a
 * folder or a second hard link cannot hide another VM's image; on a remote host only the paths
 * as written can be compared, and the finding says so. A domain whose XML cannot be read may use
 * anything: it is a finding too, never a pass.
 */
final class ImageSharing implements PreflightCheck {

    private final PreflightInputs in;
    private final Map<String, Optional<String>> identities = new HashMap<>();

    ImageSharing(PreflightInputs in) {
        this.in = in;
    }

    @Override
    public List<PreflightFinding> findings() {
        List<NewDisk> mine = in.existingFiles();
        List<String> inUse = new ArrayList<>();
        List<String> unshared = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (DomainRecord other : in.domains()) {
            List<Disk> theirs;
            try {
                theirs = DomainXml.parse(other.xml()).disks();
            } catch (DomainXmlException e) {
                unreadable.add("'" + other.name() + "' (" + e.getMessage() + ")");
                continue;
            }
            for (NewDisk disk : mine) {
                Optional<Disk> same = theirs.stream().filter(d -> d.path().map(p -> sameFile(p, disk.path()))
                        .orElse(false)).findFirst();
                if (same.isEmpty() || disk.readonly() && same.get().readonly()) {
                    continue; // two read-only users of one install image share nothing they could change
                }
                String who = "'" + other.name() + "' (" + other.state().label() + ", label " + labelOf(other) + ")";
                inUse.add(disk.path() + " is also used by " + who + sameAs(disk.path(), same.get()));
                if (!disk.readonly() && !same.get().readonly() && !(disk.shareable() && same.get().shareable())) {
                    unshared.add(disk.path() + " is a read-write disk of " + who + " too");
                }
            }
        }
        List<PreflightFinding> findings = new ArrayList<>();
        if (!inUse.isEmpty()) {
            findings.add(new PreflightFinding(Check.IMAGE_IN_USE, Status.BLOCKING,
                    String.join("; ", inUse) + ". " + consequence() + (unreadable.isEmpty() ? ""
                            : " Bulkhead also cannot read the XML of " + String.join(", ", unreadable) + "."),
                    Optional.of(overlayCommand()), Optional.empty()));
        } else if (!unreadable.isEmpty() && !mine.isEmpty()) {
            findings.add(new PreflightFinding(Check.IMAGE_IN_USE, Status.WARNING, "Bulkhead cannot read the XML of "
                    + String.join(", ", unreadable) + ", so it cannot tell whether that domain uses this VM's files."
                    + " Check with virsh domblklist before going on.", Optional.of("virsh domblklist --details NAME"),
                    Optional.empty()));
        } else if (mine.isEmpty()) {
            findings.add(PreflightFinding.passed(Check.IMAGE_IN_USE, "The VM uses only the volume Finish creates."));
        } else if (in.files().isEmpty() && !in.simulated()) {
            findings.add(PreflightFinding.notChecked(Check.IMAGE_IN_USE, "No other VM on this connection names these"
                    + " files, but on a remote host symbolic and hard links cannot be resolved from here, so another"
                    + " VM's image could still hide behind a different name."));
        } else {
            findings.add(PreflightFinding.passed(Check.IMAGE_IN_USE, "No other VM on this connection uses this VM's"
                    + " files, compared by the files themselves (links resolved)."));
        }
        findings.add(unshared.isEmpty()
                ? PreflightFinding.passed(Check.SHARED_WITHOUT_SHAREABLE, "No read-write disk is shared with another VM.")
                : new PreflightFinding(Check.SHARED_WITHOUT_SHAREABLE, Status.BLOCKING, String.join("; ", unshared)
                        + ". Two VMs writing one image without <shareable/> corrupt it, and a shareable disk is"
                        + " labelled so that every VM can reach it: give this VM its own copy or overlay instead.",
                        Optional.of(overlayCommand()), Optional.empty()));
        return findings;
    }

    /** What really happens to a file two VMs use, on this host's model. */
    private String consequence() {
        return in.draft().isolation().rules().sharedFileConsequence(in.draft().isolation().isolated());
    }

    private String sameAs(String mine, Disk theirs) {
        String path = theirs.path().orElse("");
        return Path.of(path).normalize().equals(Path.of(mine).normalize()) ? "" : " (as " + path + ": the same file)";
    }

    private boolean sameFile(String theirs, String mine) {
        if (Path.of(theirs).normalize().equals(Path.of(mine).normalize())) {
            return true;
        }
        Optional<String> a = identity(theirs);
        return a.isPresent() && a.equals(identity(mine));
    }

    /** Device and inode on this machine; empty for a remote host or a file that is not there. */
    private Optional<String> identity(String path) {
        return identities.computeIfAbsent(path, p -> in.files().flatMap(f -> {
            try {
                return f.facts(Path.of(p));
            } catch (RuntimeException e) {
                return Optional.empty(); // unreadable: compared by path alone, as on a remote host
            }
        }).map(HostFiles.PathFacts::identity));
    }

    private static String labelOf(DomainRecord record) {
        return LabelUses.of(record).stream().map(LabelUse::label).findFirst().orElse("libvirt's default");
    }

    static String overlayCommand() {
        return "qemu-img create -f qcow2 -F <format> -b <image> <new-overlay>.qcow2   # then import the overlay";
    }
}
