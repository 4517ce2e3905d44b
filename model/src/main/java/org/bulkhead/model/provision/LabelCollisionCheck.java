package org.bulkhead.model.provision;

import java.util.Optional;

import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.isolation.IsolationPlan;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.provision.PreflightFinding.Check;
import org.bulkhead.model.provision.PreflightFinding.Fix;
import org.bulkhead.model.provision.PreflightFinding.Status;

/** Whether the label reserved for the VM was taken by a domain defined since it was chosen. */
final class LabelCollisionCheck extends OneFindingCheck {

    LabelCollisionCheck(PreflightInputs in) {
        super(in);
    }

    @Override
    PreflightFinding finding() {
        IsolationPlan isolation = in.draft().isolation();
        LabelLedger ledger = in.ledger();
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
        if (holder.isPresent() && !holder.get().equals(in.draft().uuid())) {
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
}
