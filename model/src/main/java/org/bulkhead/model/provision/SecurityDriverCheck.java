package org.bulkhead.model.provision;

import java.util.Optional;

import org.bulkhead.model.provision.PreflightFinding.Check;
import org.bulkhead.model.provision.PreflightFinding.Status;

/** Whether libvirt has a security driver that confines the VM; without one an isolated VM is refused. */
final class SecurityDriverCheck extends OneFindingCheck {

    SecurityDriverCheck(PreflightInputs in) {
        super(in);
    }

    @Override
    PreflightFinding finding() {
        ProvisionDraft draft = in.draft();
        if (draft.isolation().rules().confines()) {
            return PreflightFinding.passed(Check.SECURITY_DRIVER, "libvirt uses " + draft.host().modelsText()
                    + " (" + draft.isolation().rules().title() + ").");
        }
        return new PreflightFinding(Check.SECURITY_DRIVER,
                draft.request().isolated() ? Status.BLOCKING : Status.WARNING,
                "libvirt uses no security driver here, so this VM runs unconfined: it can open every image QEMU's"
                        + " user can.", Optional.of("security_driver = \"selinux\"   # in /etc/libvirt/qemu.conf,"
                        + " then restart libvirtd"), Optional.empty());
    }
}
