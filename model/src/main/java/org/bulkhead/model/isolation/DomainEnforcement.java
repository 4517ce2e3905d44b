package org.bulkhead.model.isolation;

import java.util.Objects;

/**
 * Whether the kernel refuses what one VM's label forbids: not the host's enforcing flag alone
 * (libvirt reports only that), but that flag together with the VM's own process type, profile
 * or user. What could not be checked says so, and never reads as enforced.
 *
 * @param shortText a word or two for the table's Enforcing column ("enforcing", "permissive type")
 * @param reason    the whole sentence, for tooltips and reports
 */
public record DomainEnforcement(Verdict verdict, String shortText, String reason) {

    public enum Verdict {
        /** The kernel refuses what the label forbids. */
        ENFORCED("enforced"),
        /** Denials are logged, not refused: a permissive host, type or complain-mode profile. */
        LOGGED("logged, not enforced"),
        /** Nothing confines the VM's process (an unconfined type, root under DAC, no driver). */
        UNCONFINED("unconfined"),
        /** The test driver keeps labels and applies none. */
        SIMULATED("simulated"),
        /** Bulkhead could not see the facts that decide it from here. */
        NOT_CHECKED("not checked");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public DomainEnforcement {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(shortText, "shortText");
        Objects.requireNonNull(reason, "reason");
    }

    public static DomainEnforcement enforced(String shortText, String reason) {
        return new DomainEnforcement(Verdict.ENFORCED, shortText, reason);
    }

    public static DomainEnforcement logged(String shortText, String reason) {
        return new DomainEnforcement(Verdict.LOGGED, shortText, reason);
    }

    public static DomainEnforcement unconfined(String shortText, String reason) {
        return new DomainEnforcement(Verdict.UNCONFINED, shortText, reason);
    }

    public static DomainEnforcement notChecked(String shortText, String reason) {
        return new DomainEnforcement(Verdict.NOT_CHECKED, shortText, reason);
    }

    /** Whether the kernel is known to refuse what the label forbids. */
    public boolean enforced() {
        return verdict == Verdict.ENFORCED;
    }
}
