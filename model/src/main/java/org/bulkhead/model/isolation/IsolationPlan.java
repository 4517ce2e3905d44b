package org.bulkhead.model.isolation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.label.McsPair;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.ledger.LabelLedger;

/**
 * How one new VM will be confined: the seclabels its XML gets, the label it will run under when
 * that is known now, and what the ledger reserved for it.
 *
 * @param rules        what Isolated means on the host this plan is for
 * @param model        the security model whose label confines the VM (NONE when nothing does)
 * @param label        the exact label when it is fixed now (static or pinned)
 * @param labelText    the label for the summary, or what libvirt will do at start
 * @param volumeMode   the permission bits of the VM's images, or -1 to leave them as they are
 */
public record IsolationPlan(IsolationModel rules, boolean isolated, boolean pinned, SecurityModel model,
        List<SecLabel> seclabels, Optional<String> label, String labelText, Optional<McsPair> reservedPair,
        OptionalInt reservedUid, int volumeMode) {

    public IsolationPlan {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(model, "model");
        seclabels = List.copyOf(seclabels);
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(labelText, "labelText");
        Objects.requireNonNull(reservedPair, "reservedPair");
        Objects.requireNonNull(reservedUid, "reservedUid");
    }

    /** A plan that reserves nothing. */
    static IsolationPlan of(IsolationModel rules, boolean isolated, SecurityModel model, List<SecLabel> seclabels,
            Optional<String> label, String labelText, int volumeMode) {
        return new IsolationPlan(rules, isolated, false, model, seclabels, label, labelText, Optional.empty(),
                OptionalInt.empty(), volumeMode);
    }

    /** True on the test driver: nothing is enforced. */
    public boolean simulated() {
        return rules.simulated();
    }

    /** Gives back what the ledger reserved for this plan; safe to call more than once. */
    public void release(LabelLedger ledger) {
        reservedPair.ifPresent(ledger::release);
        reservedUid.ifPresent(ledger::releaseUid);
    }

    /** Whether this plan holds a reservation the ledger must keep until the domain is defined. */
    public boolean reserves() {
        return reservedPair.isPresent() || reservedUid.isPresent();
    }
}
