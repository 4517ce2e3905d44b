package org.bulkhead.model.security;

import java.util.Optional;

import org.bulkhead.model.isolation.DomainEnforcement;
import org.bulkhead.model.isolation.IsolationModels;
import org.bulkhead.model.label.Level;
import org.bulkhead.model.label.McsPair;
import org.bulkhead.model.label.SecurityContext;

/** The rules behind the trust marker, in one place for the window, the report and the tests. */
public final class TrustAssessment {

    private TrustAssessment() {
    }

    /**
     * @param confining   the seclabel that confines the domain, empty when none does
     * @param enforcement whether the kernel enforces that label for this domain
     * @param sharedDac   libvirt's default DAC label on this host (every unconfigured VM runs as it)
     */
    public static Trust assess(Optional<SeclabelView> confining, DomainEnforcement enforcement,
            Optional<String> sharedDac) {
        if (confining.isEmpty() || confining.get().model().equals("none") || confining.get().type().equals("none")) {
            return new Trust(Trust.Level.UNCONFINED, "No security label confines this VM: it runs unconfined.");
        }
        SeclabelView label = confining.get();
        switch (enforcement.verdict()) {
            case UNCONFINED -> {
                return new Trust(Trust.Level.UNCONFINED, enforcement.reason());
            }
            case SIMULATED -> {
                boolean own = label.relabel() && sharedLabel(label, sharedDac).isEmpty();
                return own ? new Trust(Trust.Level.WEAK, "Simulated isolation: a label of its own, which the test"
                        + " driver records but does not enforce.", true)
                        : new Trust(Trust.Level.WEAK, enforcement.reason());
            }
            default -> {
                // Enforced, logged or not checked: what the label itself is worth comes first.
            }
        }
        if (!label.relabel()) {
            return new Trust(Trust.Level.WEAK,
                    "Relabelling is off: the VM's files keep their own labels, so its confinement depends on them.");
        }
        Optional<String> shared = sharedLabel(label, sharedDac);
        if (shared.isPresent()) {
            return new Trust(Trust.Level.WEAK, shared.get());
        }
        return switch (enforcement.verdict()) {
            case ENFORCED -> new Trust(Trust.Level.ISOLATED, isolatedReason(label, enforcement));
            case LOGGED -> new Trust(Trust.Level.WEAK, "Unique label, but not enforced: " + enforcement.reason());
            default -> new Trust(Trust.Level.WEAK, "Unique label, but its enforcement is not checked: "
                    + enforcement.reason());
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

    private static String isolatedReason(SeclabelView label, DomainEnforcement enforcement) {
        String kind = label.type().equals("dynamic") ? "a unique label chosen by libvirt" : "its own static label";
        return "Confined by " + label.model() + " with " + kind + ", relabelling on. " + enforcement.reason()
                + IsolationModels.forModel(label.model()).caveat().map(caveat -> " " + caveat).orElse("");
    }
}
