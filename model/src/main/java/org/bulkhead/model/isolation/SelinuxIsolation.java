package org.bulkhead.model.isolation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.hostsec.ProcessLabel;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.McsPair;
import org.bulkhead.model.label.SecurityContext;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.host.HostContext;

/**
 * SELinux: Isolated is a dynamic label (libvirt picks a unique MCS pair and relabels the images),
 * or a pair pinned from Bulkhead's ledger; not isolated is one shared label at {@code s0}.
 */
final class SelinuxIsolation implements IsolationModel {

    /**
     * Domain types the reference policies leave unconfined (or give the management daemon's
     * rights): a QEMU process under one of them is kept from nothing its user may do.
     */
    static final Set<String> UNCONFINED_TYPES = Set.of("unconfined_t", "unconfined_service_t", "spc_t",
            "virtd_t", "initrc_t", "init_t", "kernel_t", "sysadm_t");

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

    @Override
    public DomainEnforcement enforcement(HostContext host, Optional<String> label, Optional<ProcessLabel> process) {
        // The process's own context is the truth once it runs; before that, the one it will get.
        Optional<String> context = process.flatMap(ProcessLabel::selinuxContext).or(() -> label)
                .or(() -> Optional.ofNullable(host.baseContexts().get("domain")));
        if (context.isEmpty()) {
            return DomainEnforcement.notChecked("not checked", "The VM's SELinux context is not known, so whether"
                    + " its type is enforced cannot be checked.");
        }
        String type;
        try {
            type = SecurityContext.parse(context.get()).type();
        } catch (LabelFormatException e) {
            return DomainEnforcement.notChecked("not checked", "The VM's label " + context.get()
                    + " is not an SELinux context, so whether it is enforced cannot be checked.");
        }
        if (UNCONFINED_TYPES.contains(type)) {
            return DomainEnforcement.unconfined("unconfined type", "Runs as " + type
                    + ", a type the policy leaves (nearly) unconfined: its label keeps it from nothing.");
        }
        Optional<Boolean> permissive = host.facts().permissive(type);
        if (permissive.isEmpty()) {
            return DomainEnforcement.notChecked("enforcing?", "The host enforces SELinux, but whether type "
                    + type + " is permissive cannot be checked from here" + notes(host) + ".");
        }
        if (permissive.get()) {
            return DomainEnforcement.logged("permissive type", "permissive type " + type
                    + ": denials logged, not enforced (remove the permissive module or `semanage permissive -d "
                    + type + "`).");
        }
        return DomainEnforcement.enforced("enforcing", "The host enforces SELinux and type " + type
                + " is not permissive.");
    }

    private static String notes(HostContext host) {
        return host.facts().notes().isEmpty() ? "" : " (" + String.join("; ", host.facts().notes()) + ")";
    }
}
