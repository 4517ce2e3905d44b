package org.bulkhead.model.provision;

import org.bulkhead.model.isolation.IsolationPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.bulkhead.model.domain.NewDisk;
import org.bulkhead.model.hostsec.FileLabel;
import org.bulkhead.model.hostsec.FileLabelException;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.store.Compartments;
import org.bulkhead.model.security.DomainSecurity;
import org.bulkhead.model.security.ResourceCheck;
import org.bulkhead.model.store.SnapshotFactory;

/**
 * Reads a just-started VM's labels back, its own from libvirt's live XML and its QEMU process,
 * its files' from the disk (through the same inspector the details view uses), compares them
 * with the wizard's plan, and compares its label with every other domain on the connection.
 * "Verified" means every check ran and passed: one that could not run makes the verdict
 * {@link Verification.Verdict#INCOMPLETE}, never verified.
 */
public final class LabelVerifier {

    private final SnapshotFactory snapshots;
    private final Optional<HostSecurity> files;

    /** @param files the connection's host's files, for the permission bits of the VM's images */
    public LabelVerifier(SnapshotFactory snapshots, Optional<HostSecurity> files) {
        this.snapshots = snapshots;
        this.files = files;
    }

    public Verification verify(ProvisionDraft draft, HypervisorConnection connection) {
        DomainRecord record = connection.domain(draft.uuid()).orElseThrow(() -> new IllegalStateException(
                "The VM " + draft.domain().name() + " disappeared right after it started."));
        DomainSecurity security = snapshots.snapshot(draft.host(), record).security();
        IsolationPlan isolation = draft.isolation();
        List<String> lines = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();

        String live = security.label().orElse("(none)");
        lines.add("VM label: " + live);
        if (isolation.label().isPresent() && !isolation.label().get().equals(live)) {
            mismatches.add("VM label is " + live + ", planned " + isolation.label().get());
        } else {
            isolation.rules().labelProblem(isolation, live).ifPresent(mismatches::add);
        }
        if (isolation.isolated()) {
            List<String> sharers = Compartments.sharers(record.uuid(), connection.listDomains().stream()
                    .flatMap(d -> LabelUses.of(d).stream()).toList());
            if (sharers.isEmpty()) {
                lines.add("No other domain on this connection uses this label.");
            } else {
                mismatches.add("The label is also used by '" + String.join("', '", sharers) + "': the VMs share one"
                        + " compartment");
            }
        }
        if (isolation.simulated()) {
            lines.add("Simulated: the test driver keeps the label and applies nothing.");
            return new Verification(mismatches.isEmpty() ? Verification.Verdict.SIMULATED
                    : Verification.Verdict.MISMATCH, lines, mismatches);
        }
        // Whether this host's files and processes can be read: this machine's through the local
        // port, another host's where the inspector reached them (it read the process or a file).
        // libvirt's test driver runs no process and keeps no files, whatever models it reports.
        boolean testDriver = "test".equalsIgnoreCase(draft.host().info().hypervisorType());
        boolean local = files.isPresent() && !testDriver && (draft.host().info().local() || security.process().isPresent()
                || security.resources().stream().anyMatch(r -> r.verdict() == ResourceCheck.Verdict.MATCH
                        || r.verdict() == ResourceCheck.Verdict.MISMATCH));

        OptionalInt plannedUid = isolation.rules().plannedUid(isolation);
        security.process().ifPresentOrElse(process -> {
            lines.add("QEMU process " + process.pid() + ": UID " + process.uid() + ", GID " + process.gid()
                    + process.selinuxContext().map(c -> ", " + c).orElse(""));
            if (plannedUid.isPresent() && process.uid() != plannedUid.getAsInt()) {
                mismatches.add("QEMU runs as UID " + process.uid() + ", planned " + plannedUid.getAsInt());
            }
        }, () -> {
            if (local) {
                String line = "QEMU process: not found, so the user and label it runs as were not checked";
                lines.add(line);
                unchecked.add(line);
            }
        });
        for (ResourceCheck check : security.resources()) {
            String line = check.planned().resource().path() + ": " + check.actual().orElse("(not read)") + " ("
                    + check.verdict().label() + (check.verdict() == ResourceCheck.Verdict.MISMATCH
                            || check.verdict() == ResourceCheck.Verdict.NOT_VISIBLE ? ", " + check.detail() : "")
                    + ")";
            lines.add(line);
            if (check.verdict() == ResourceCheck.Verdict.MISMATCH) {
                mismatches.add(line);
            } else if (check.verdict() == ResourceCheck.Verdict.NOT_VISIBLE && local) {
                unchecked.add(line);
            }
        }
        if (isolation.volumeMode() != -1 && local) {
            for (String image : privateImages(draft)) {
                try {
                    FileLabel file = files.get().readLabel(Path.of(image), true);
                    String mode = file.modeOctal();
                    lines.add(image + ": mode " + mode);
                    if ((file.mode() & 077) != 0) {
                        mismatches.add(image + " has mode " + mode + ": others may open it, planned "
                                + String.format("%04o", isolation.volumeMode()));
                    }
                } catch (FileLabelException e) {
                    String line = image + ": mode not read (" + e.getMessage() + ")";
                    lines.add(line);
                    unchecked.add(line);
                }
            }
        }
        Verification.Verdict verdict = !mismatches.isEmpty() ? Verification.Verdict.MISMATCH
                : !local ? Verification.Verdict.NOT_VISIBLE
                : !unchecked.isEmpty() ? Verification.Verdict.INCOMPLETE
                : Verification.Verdict.VERIFIED;
        return new Verification(verdict, lines, mismatches, unchecked);
    }

    /** The files only this VM may read: its read-write images (install media are public). */
    private static List<String> privateImages(ProvisionDraft draft) {
        return draft.domain().disks().stream().filter(d -> !d.readonly() && !d.shareable()).map(NewDisk::path)
                .toList();
    }
}
