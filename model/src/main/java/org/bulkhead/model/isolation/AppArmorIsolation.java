package org.bulkhead.model.isolation;

import java.util.List;
import java.util.Optional;

import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.hostsec.ProcessLabel;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.host.HostContext;

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

    /** AppArmor's rules name paths: what that leaves open, said wherever an AppArmor VM is called isolated. */
    static final String PATH_BASED = "AppArmor allows by path, not by label: a hard link or bind mount that makes"
            + " another VM's image reachable under a path this VM's profile lists gets around it, so keep VM images"
            + " where only libvirt puts them.";

    @Override
    public String explanation() {
        return "Confines the VM with its own AppArmor profile (libvirt-<uuid>) that lists only its own files. "
                + PATH_BASED;
    }

    @Override
    public Optional<String> caveat() {
        return Optional.of(PATH_BASED);
    }

    @Override
    public String sharedFileConsequence(boolean isolated) {
        return "libvirt lists the file in both VMs' AppArmor profiles, so AppArmor lets both VMs' QEMU open it:"
                + " through that file the two are not isolated from each other (only QEMU's own image locking keeps"
                + " a second writer out while the first runs).";
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

    @Override
    public DomainEnforcement enforcement(HostContext host, Optional<String> label, Optional<ProcessLabel> process) {
        if (label.isEmpty() || label.get().isEmpty()) {
            return process.isPresent()
                    ? DomainEnforcement.unconfined("no profile", "No AppArmor profile is loaded for this VM.")
                    : DomainEnforcement.enforced("enforce", "libvirt loads the VM's own profile in enforce mode"
                            + " when it starts.");
        }
        String profile = label.get();
        if (host.facts().profileModes().isEmpty()) {
            return DomainEnforcement.notChecked("enforce?", "AppArmor's profile list cannot be read from here"
                    + " (it is readable by root only), so whether " + profile + " is in enforce mode is not known.");
        }
        String mode = host.facts().profileModes().get().get(profile);
        if (mode == null) {
            return process.isPresent()
                    ? DomainEnforcement.unconfined("no profile", "Profile " + profile + " is not loaded: the VM's"
                            + " QEMU runs without it.")
                    : DomainEnforcement.enforced("enforce", "libvirt loads profile " + profile
                            + " in enforce mode when the VM starts.");
        }
        return switch (mode) {
            case "enforce", "kill" -> DomainEnforcement.enforced("enforce", "Profile " + profile + " is in "
                    + mode + " mode.");
            case "complain" -> DomainEnforcement.logged("complain", "profile " + profile
                    + " in complain mode: denials logged, not enforced (`aa-enforce` puts it back).");
            case "unconfined" -> DomainEnforcement.unconfined("unconfined", "Profile " + profile
                    + " is in unconfined mode: it restricts nothing.");
            default -> DomainEnforcement.notChecked(mode, "Profile " + profile + " is in mode '" + mode
                    + "', which Bulkhead does not know.");
        };
    }
}
