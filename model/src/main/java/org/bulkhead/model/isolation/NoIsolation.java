package org.bulkhead.model.isolation;

import java.util.List;
import java.util.Optional;

import org.bulkhead.model.hostsec.ProcessLabel;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.host.HostContext;

/** No security driver at all: nothing can isolate a VM, and Bulkhead says so before anything is defined. */
final class NoIsolation implements IsolationModel {

    @Override
    public SecurityModel model() {
        return SecurityModel.NONE;
    }

    @Override
    public String title() {
        return "no security driver";
    }

    @Override
    public String explanation() {
        return "This host has no security driver, so no VM on it can be isolated.";
    }

    @Override
    public Optional<String> unavailableReason(HostContext host) {
        return Optional.of("libvirt on " + host.info().uri() + " uses no security driver (models: " + host.modelsText()
                + "), so this VM would run unconfined. Set security_driver in /etc/libvirt/qemu.conf and restart"
                + " libvirtd, or uncheck Isolated to create it unconfined.");
    }

    @Override
    public IsolationPlan plan(HostContext host, boolean isolated, boolean pin, LabelLedger ledger, String uuid) {
        if (isolated) {
            throw new IllegalStateException(unavailableReason(host).orElseThrow());
        }
        return IsolationPlan.of(this, false, model(), List.of(), Optional.empty(), "unconfined (no security driver)",
                -1);
    }

    @Override
    public boolean confines() {
        return false;
    }

    @Override
    public DomainEnforcement enforcement(HostContext host, Optional<String> label, Optional<ProcessLabel> process) {
        return DomainEnforcement.unconfined("none", "No security driver confines VMs on this host.");
    }
}
