package org.bulkhead.model.security;

import java.util.Optional;

import org.bulkhead.model.label.Level;
import org.bulkhead.model.label.McsPair;
import org.bulkhead.model.label.SecurityContext;

/** The rules behind the trust marker, in one place for the window, the report and the tests. */
public final class TrustAssessment {

    private TrustAssessment() {
    }

    /**
     * @param confining  the seclabel that confines the domain, empty when none does
     * @param sharedDac  libvirt's default DAC label on this host (every unconfigured VM runs as it)
     */
    public static Trust assess(Optional<SeclabelView> confining, HostEnforcement enforcement,
            Optional<String> sharedDac) {
        if (confining.isEmpty() || confining.get().model().equals("none") || confining.get().type().equals("none")) {
            return new Trust(Trust.Level.UNCONFINED, "No security label confines this VM: it runs unconfined.");
        }
        SeclabelView label = confining.get();
        if (enforcement == HostEnforcement.NONE || enforcement == HostEnforcement.DISABLED) {
            return new Trust(Trust.Level.UNCONFINED,
                    "The host enforces no security model (" + enforcement.label() + "): labels have no effect.");
        }
        if (enforcement == HostEnforcement.SIMULATED) {
            return new Trust(Trust.Level.WEAK, "Simulated by the test driver: the label is recorded, nothing is enforced.");
        }
        if (!label.relabel()) {
            return new Trust(Trust.Level.WEAK,
                    "Relabelling is off: the VM's files keep their own labels, so its confinement depends on them.");
        }
        Optional<String> shared = sharedLabel(label, sharedDac);
        if (shared.isPresent()) {
            return new Trust(Trust.Level.WEAK, shared.get());
        }
        return switch (enforcement) {
            case PERMISSIVE, COMPLAIN -> new Trust(Trust.Level.WEAK,
                    "The host is " + enforcement.label() + ".");
            case UNKNOWN_REMOTE -> new Trust(Trust.Level.WEAK,
                    "Unique label, but whether the remote host enforces it is not visible from here.");
            default -> new Trust(Trust.Level.ISOLATED, isolatedReason(label, enforcement));
        };
    }

    /** A reason the label is shared with other VMs, if it is. */
    private static Optional<String> sharedLabel(SeclabelView label, Optional<String> sharedDac) {
        switch (label.model()) {
            case "selinux", "testSecurity" -> {
                if (label.label().isEmpty()) {
                    return label.type().equals("dynamic") ? Optional.empty()
                            : Optional.of("Static label without a value: it cannot be unique.");
                }
                Optional<Level> level = parseLevel(label.label().get());
                if (level.isEmpty() || McsPair.of(level.get()).isEmpty()) {
                    return Optional.of("The label has no unique MCS category pair: other VMs at the same level "
                            + "can reach this VM's images.");
                }
                return Optional.empty();
            }
            case "dac" -> {
                if (label.label().isPresent() && sharedDac.isPresent() && label.label().get().equals(sharedDac.get())) {
                    return Optional.of("Runs as libvirt's shared QEMU user (" + sharedDac.get()
                            + "), like every VM without its own user.");
                }
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Optional<Level> parseLevel(String context) {
        try {
            return SecurityContext.parse(context).level();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String isolatedReason(SeclabelView label, HostEnforcement enforcement) {
        String kind = label.type().equals("dynamic") ? "a unique label chosen by libvirt" : "its own static label";
        return "Confined by " + label.model() + " with " + kind + ", relabelling on, host " + enforcement.label() + ".";
    }
}
