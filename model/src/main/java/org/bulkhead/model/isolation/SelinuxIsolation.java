package org.bulkhead.model.isolation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.McsPair;
import org.bulkhead.model.label.SecurityContext;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.session.HostContext;

/**
 * SELinux: Isolated is a dynamic label (libvirt picks a unique MCS pair and relabels the images),
 * or a pair pinned from Bulkhead's ledger; not isolated is one shared label at {@code s0}.
 */
final class SelinuxIsolation implements IsolationModel {

    @Override
    public SecurityModel model() {
        return SecurityModel.SELINUX;
    }

    @Override
    public String title() {
        return "SELinux";
    }

    @Override
    public String explanation() {
        return "Runs the VM in its own SELinux compartment (a unique MCS category pair), so it cannot open other"
                + " VMs' images.";
    }

    @Override
    public boolean canPin() {
        return true;
    }

    @Override
    public IsolationPlan plan(HostContext host, boolean isolated, boolean pin, LabelLedger ledger, String uuid) {
        if (!isolated) {
            String label = McsLabels.shared(host);
            return IsolationPlan.of(this, false, model(), List.of(SecLabel.fixed("selinux", label, true)),
                    Optional.of(label), label + " (shared: every such VM can reach the others' images)", -1);
        }
        if (!pin) {
            return IsolationPlan.of(this, true, model(), List.of(SecLabel.dynamic("selinux")), Optional.empty(),
                    "libvirt will allocate a unique pair at start", PRIVATE_MODE);
        }
        McsPair pair = ledger.allocatePair(uuid);
        String label = McsLabels.withPair(host, pair, ledger);
        return new IsolationPlan(this, true, true, model(), List.of(SecLabel.fixed("selinux", label, true)),
                Optional.of(label), label, Optional.of(pair), OptionalInt.empty(), PRIVATE_MODE);
    }

    @Override
    public Optional<String> networkFilesystemCommand() {
        return Optional.of("setsebool -P virt_use_nfs 1");
    }

    @Override
    public Optional<String> labelProblem(IsolationPlan plan, String liveLabel) {
        if (!plan.isolated() || plan.label().isPresent()) {
            return Optional.empty();
        }
        try {
            if (SecurityContext.parse(liveLabel).mcsPair().isPresent()) {
                return Optional.empty();
            }
        } catch (LabelFormatException e) {
            // Not a context at all: no pair either.
        }
        return Optional.of("VM label " + liveLabel + " has no category pair of its own");
    }
}
