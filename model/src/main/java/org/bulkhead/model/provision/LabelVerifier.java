package org.bulkhead.model.provision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.bulkhead.model.hostsec.FileLabel;
import org.bulkhead.model.hostsec.FileLabelException;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.label.DacLabel;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.SecurityContext;
import org.bulkhead.model.security.DomainSecurity;
import org.bulkhead.model.security.ResourceCheck;
import org.bulkhead.model.session.SnapshotFactory;

/**
 * Reads a just-started VM's labels back, its own from libvirt's live XML and its QEMU process,
 * its files' from the disk (through the same inspector the details view uses), and compares
 * them with the wizard's plan.
 */
public final class LabelVerifier {

    private final SnapshotFactory snapshots;
    private final Optional<HostSecurity> files;

    /** @param files this machine's files, for the new volume's permission bits */
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

        String live = security.label().orElse("(none)");
        lines.add("VM label: " + live);
        if (isolation.label().isPresent() && !isolation.label().get().equals(live)) {
            mismatches.add("VM label is " + live + ", planned " + isolation.label().get());
        } else if (isolation.isolated() && isolation.label().isEmpty() && isolation.host() == HostKind.SELINUX
                && !hasPair(live)) {
            mismatches.add("VM label " + live + " has no category pair of its own");
        }
        if (isolation.simulated()) {
            lines.add("Simulated: the test driver keeps the label and applies nothing.");
            return new Verification(Verification.Verdict.SIMULATED, lines, mismatches);
        }

        OptionalInt plannedUid = isolation.host() == HostKind.DAC ? dacUid(isolation.label()) : OptionalInt.empty();
        security.process().ifPresent(process -> {
            lines.add("QEMU process " + process.pid() + ": UID " + process.uid() + ", GID " + process.gid()
                    + process.selinuxContext().map(c -> ", " + c).orElse(""));
            if (plannedUid.isPresent() && process.uid() != plannedUid.getAsInt()) {
                mismatches.add("QEMU runs as UID " + process.uid() + ", planned " + plannedUid.getAsInt());
            }
        });
        boolean visible = security.process().isPresent();
        for (ResourceCheck check : security.resources()) {
            String line = check.planned().resource().path() + ": " + check.actual().orElse("(not read)") + " ("
                    + check.verdict().label() + (check.verdict() == ResourceCheck.Verdict.MISMATCH
                            ? ", " + check.detail() : "") + ")";
            lines.add(line);
            if (check.verdict() == ResourceCheck.Verdict.MISMATCH) {
                mismatches.add(line);
            }
            visible |= check.verdict() == ResourceCheck.Verdict.MATCH || check.verdict() == ResourceCheck.Verdict.MISMATCH;
        }
        if (isolation.volumeMode() != -1 && draft.volumePath().isPresent() && files.isPresent()) {
            try {
                FileLabel file = files.get().readLabel(Path.of(draft.volumePath().get()), true);
                String mode = file.modeOctal();
                lines.add(draft.volumePath().get() + ": mode " + mode);
                if ((file.mode() & 0777) != isolation.volumeMode()) {
                    mismatches.add(draft.volumePath().get() + " has mode " + mode + ", planned "
                            + String.format("%04o", isolation.volumeMode()));
                }
            } catch (FileLabelException e) {
                lines.add(draft.volumePath().get() + ": mode not read (" + e.getMessage() + ")");
            }
        }
        Verification.Verdict verdict = !mismatches.isEmpty() ? Verification.Verdict.MISMATCH
                : visible ? Verification.Verdict.VERIFIED : Verification.Verdict.NOT_VISIBLE;
        return new Verification(verdict, lines, mismatches);
    }

    private static boolean hasPair(String label) {
        try {
            return SecurityContext.parse(label).mcsPair().isPresent();
        } catch (LabelFormatException e) {
            return false;
        }
    }

    private static OptionalInt dacUid(Optional<String> label) {
        try {
            return label.map(l -> DacLabel.parse(l).uid()).orElse(OptionalInt.empty());
        } catch (LabelFormatException e) {
            return OptionalInt.empty();
        }
    }
}
