package org.bulkhead.model.provision;

import java.util.Optional;

import org.bulkhead.model.provision.PreflightFinding.Check;
import org.bulkhead.model.provision.PreflightFinding.Status;

/** Whether the host's kernel enforces the labels the VM will get, or only logs or simulates them. */
final class EnforcementCheck extends OneFindingCheck {

    EnforcementCheck(PreflightInputs in) {
        super(in);
    }

    @Override
    PreflightFinding finding() {
        return switch (in.draft().host().enforcement()) {
            case ENFORCING, DAC_ONLY -> PreflightFinding.passed(Check.ENFORCEMENT,
                    "The kernel enforces the labels (" + in.draft().host().enforcement().label() + ").");
            case PERMISSIVE -> new PreflightFinding(Check.ENFORCEMENT, Status.WARNING, "SELinux is permissive: the"
                    + " VM gets its label, but the kernel only logs what the label forbids instead of refusing it.",
                    Optional.of("setenforce 1   # and SELINUX=enforcing in /etc/selinux/config"), Optional.empty());
            case COMPLAIN -> new PreflightFinding(Check.ENFORCEMENT, Status.WARNING, "AppArmor profiles are in"
                    + " complain mode: violations are logged, not refused.",
                    Optional.of("aa-enforce /etc/apparmor.d/libvirt/TEMPLATE.qemu"), Optional.empty());
            case DISABLED -> new PreflightFinding(Check.ENFORCEMENT, Status.WARNING, "The security module is"
                    + " disabled: labels are written but nothing enforces them.",
                    Optional.of("set SELINUX=enforcing in /etc/selinux/config and reboot"), Optional.empty());
            case SIMULATED -> new PreflightFinding(Check.ENFORCEMENT, Status.WARNING, "The test driver keeps the"
                    + " label but enforces nothing: isolation here is simulated.", Optional.empty(), Optional.empty());
            case UNKNOWN_REMOTE -> PreflightFinding.passed(Check.ENFORCEMENT, "The remote kernel's mode is not"
                    + " visible from here; the VM's details show whether its label is enforced once it runs.");
            case NONE -> new PreflightFinding(Check.ENFORCEMENT, Status.WARNING, "Nothing on this host enforces"
                    + " labels.", Optional.empty(), Optional.empty());
        };
    }
}
