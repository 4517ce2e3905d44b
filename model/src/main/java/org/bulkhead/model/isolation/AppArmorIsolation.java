package org.bulkhead.model.isolation;

import java.util.List;
import java.util.Optional;

import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.session.HostContext;

/** AppArmor: Isolated is a per-VM {@code libvirt-<uuid>} profile; not isolated is unconfined. */
final class AppArmorIsolation implements IsolationModel {

    @Override
    public SecurityModel model() {
        return SecurityModel.APPARMOR;
    }

    @Override
    public String title() {
        return "AppArmor";
    }

    @Override
    public String explanation() {
        return "Confines the VM with its own AppArmor profile that allows only its own files.";
    }

    @Override
    public IsolationPlan plan(HostContext host, boolean isolated, boolean pin, LabelLedger ledger, String uuid) {
        if (!isolated) {
            return IsolationPlan.of(this, false, model(), List.of(SecLabel.none("apparmor")), Optional.empty(),
                    "unconfined (no AppArmor profile)", -1);
        }
        return IsolationPlan.of(this, true, model(), List.of(SecLabel.dynamic("apparmor")), Optional.empty(),
                "libvirt will load a profile libvirt-" + uuid + " at start", PRIVATE_MODE);
    }
}
