package org.bulkhead.model.provision;

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
 * @param model        the security model whose label confines the VM (NONE when nothing does)
 * @param label        the exact label when it is fixed now (static or pinned)
 * @param labelText    the label for the summary, or what libvirt will do at start
 * @param simulated    true on the test driver: nothing is enforced
 * @param volumeMode   the permission for new volumes, or -1 for the pool's default
 */
public record IsolationPlan(HostKind host, boolean isolated, boolean pinned, SecurityModel model,
        List<SecLabel> seclabels, Optional<String> label, String labelText, boolean simulated,
        Optional<McsPair> reservedPair, OptionalInt reservedUid, int volumeMode) {

    public IsolationPlan {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(model, "model");
        seclabels = List.copyOf(seclabels);
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(labelText, "labelText");
        Objects.requireNonNull(reservedPair, "reservedPair");
        Objects.requireNonNull(reservedUid, "reservedUid");
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
