package org.bulkhead.model.isolation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.hostsec.ProcessLabel;
import org.bulkhead.model.label.McsPair;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.host.HostContext;

/**
 * libvirt's test driver: a static SELinux-format label from the ledger (or the shared {@code s0}
 * one), kept exactly as written and never enforced, so every plan says it is simulated.
 */
final class TestIsolation implements IsolationModel {

    @Override
    public SecurityModel model() {
        return SecurityModel.TEST;
    }

    @Override
    public String title() {
        return "test driver (simulated)";
    }

    @Override
    public String explanation() {
        return "Gives the VM its own label; simulated on the test driver, nothing is enforced.";
    }

    @Override
    public IsolationPlan plan(HostContext host, boolean isolated, boolean pin, LabelLedger ledger, String uuid) {
        if (!isolated) {
            String label = McsLabels.shared(host);
            return IsolationPlan.of(this, false, model(),
                    List.of(SecLabel.fixed(model().libvirtName(), label, true)), Optional.of(label),
                    label + " (shared; simulated: not enforced)", -1);
        }
        McsPair pair = ledger.allocatePair(uuid);
        String label = McsLabels.withPair(host, pair, ledger);
        return new IsolationPlan(this, true, false, model(),
                List.of(SecLabel.fixed(model().libvirtName(), label, true)), Optional.of(label),
                label + " (simulated: not enforced)", Optional.of(pair), OptionalInt.empty(), -1);
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public DomainEnforcement enforcement(HostContext host, Optional<String> label, Optional<ProcessLabel> process) {
        return new DomainEnforcement(DomainEnforcement.Verdict.SIMULATED, "simulated",
                "Simulated by the test driver: the label is recorded, nothing is enforced.");
    }
}
