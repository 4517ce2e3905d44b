package org.bulkhead.model.isolation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.bulkhead.model.domain.NewDisk;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.hostsec.ProcessLabel;
import org.bulkhead.model.label.DacLabel;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.host.HostContext;

/**
 * DAC only (no MAC on the host): Isolated is a static {@code +UID:+GID} label with a UID of the
 * VM's own from the ledger and the group of libvirt's QEMU user (HOST-NOTES.md says why), with
 * private images; not isolated is libvirt's shared QEMU user.
 */
final class DacIsolation implements IsolationModel {

    @Override
    public SecurityModel model() {
        return SecurityModel.DAC;
    }

    @Override
    public String title() {
        return "DAC only (file owners)";
    }

    @Override
    public String explanation() {
        return "Runs the VM as its own user ID with private (0600) images, so other VMs cannot read them.";
    }

    @Override
    public Optional<String> unavailableReason(HostContext host) {
        return host.qemuGroup().isPresent() ? Optional.empty()
                : Optional.of("libvirt did not report its QEMU user's group (the dac base label in its capabilities),"
                        + " which a per-VM UID needs to reach libvirt's own files.");
    }

    @Override
    public IsolationPlan plan(HostContext host, boolean isolated, boolean pin, LabelLedger ledger, String uuid) {
        if (!isolated) {
            Optional<String> shared = Optional.ofNullable(host.baseContexts().get("dac"));
            return IsolationPlan.of(this, false, model(), List.of(), shared,
                    shared.map(l -> l + " (libvirt's shared QEMU user)").orElse("libvirt's shared QEMU user"), -1);
        }
        int uid = ledger.allocateUid(uuid);
        String label = DacLabel.ofIds(uid, host.qemuGroup().orElseThrow()).toString();
        return new IsolationPlan(this, true, false, model(), List.of(SecLabel.fixed("dac", label, true)),
                Optional.of(label), label, Optional.empty(), OptionalInt.of(uid), PRIVATE_MODE);
    }

    @Override
    public boolean privateUser() {
        return true;
    }

    @Override
    public OptionalInt privateGroup(HostContext host) {
        return host.qemuGroup();
    }

    /** libvirt would chown the ISO to the VM's user and never give it back: its DAC driver leaves it alone. */
    @Override
    public NewDisk installMedium(NewDisk cdrom) {
        return cdrom.leftAloneBy("dac");
    }

    @Override
    public String sharedFileConsequence(boolean isolated) {
        if (!isolated) {
            return IsolationModel.super.sharedFileConsequence(false);
        }
        return "Starting this VM makes its own UID the owner of the file: while the other VM runs, libvirt refuses"
                + " to start this one (the file is in use under another owner); while it is off, this VM takes the"
                + " file over and the other VM cannot open it until you give it back.";
    }

    @Override
    public OptionalInt plannedUid(IsolationPlan plan) {
        try {
            return plan.label().map(l -> DacLabel.parse(l).uid()).orElse(OptionalInt.empty());
        } catch (LabelFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** DAC is always in force, except on root: file owners and modes do not restrain uid 0. */
    @Override
    public DomainEnforcement enforcement(HostContext host, Optional<String> label, Optional<ProcessLabel> process) {
        OptionalInt uid = process.map(p -> OptionalInt.of(p.uid()))
                .orElseGet(() -> uidOf(label.or(() -> Optional.ofNullable(host.baseContexts().get("dac")))));
        if (uid.isPresent() && uid.getAsInt() == 0) {
            return DomainEnforcement.unconfined("root", "QEMU runs as root: file owners and modes do not"
                    + " restrain it.");
        }
        return DomainEnforcement.enforced("DAC only", "File owners and modes are always enforced"
                + uid.stream().mapToObj(u -> "; QEMU runs as uid " + u).findFirst().orElse("") + ".");
    }

    private static OptionalInt uidOf(Optional<String> label) {
        try {
            return label.map(l -> DacLabel.parse(l).uid()).orElse(OptionalInt.empty());
        } catch (LabelFormatException e) {
            return OptionalInt.empty();
        }
    }
}
