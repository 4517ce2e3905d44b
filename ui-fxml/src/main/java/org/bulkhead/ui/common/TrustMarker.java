package org.bulkhead.ui.common;

import org.bulkhead.model.isolation.DomainEnforcement;
import org.bulkhead.model.host.HostEnforcement;
import org.bulkhead.model.security.Trust;

/**
 * How a trust level looks: a glyph and a word beside the colour, so the marker reads the same
 * for colour-blind users and screen readers. The wording of the level itself comes from the model.
 */
public enum TrustMarker {
    ISOLATED("\u2714", "trust-isolated"),
    WEAK("\u25B2", "trust-weak"),
    UNCONFINED("\u2716", "trust-unconfined"),
    /** Listed but not read yet: a dotted circle, never one of the verdicts. */
    UNCHECKED("\u25CC", "trust-unchecked");

    private final String glyph;
    private final String styleClass;

    TrustMarker(String glyph, String styleClass) {
        this.glyph = glyph;
        this.styleClass = styleClass;
    }

    public static TrustMarker of(Trust.Level level) {
        return switch (level) {
            case ISOLATED -> ISOLATED;
            case WEAK -> WEAK;
            case UNCONFINED -> UNCONFINED;
            case UNCHECKED -> UNCHECKED;
        };
    }

    /** The marker for a host's enforcement: enforced, only logged or simulated, or nothing at all. */
    public static TrustMarker of(HostEnforcement enforcement) {
        return switch (enforcement) {
            case ENFORCING, DAC_ONLY -> ISOLATED;
            case PERMISSIVE, COMPLAIN, SIMULATED, UNKNOWN_REMOTE -> WEAK;
            case DISABLED, NONE -> UNCONFINED;
        };
    }

    /** The marker for one VM's enforcement: enforced, only logged, simulated or not checked, or nothing. */
    public static TrustMarker of(DomainEnforcement.Verdict verdict) {
        return switch (verdict) {
            case ENFORCED -> ISOLATED;
            case LOGGED, SIMULATED, NOT_CHECKED -> WEAK;
            case UNCONFINED -> UNCONFINED;
        };
    }

    public String glyph() {
        return glyph;
    }

    public String styleClass() {
        return styleClass;
    }

    /** The words shown beside the glyph, e.g. "isolated"; "simulated isolation" for an isolated VM on the test driver. */
    public static String text(Trust trust) {
        return trust.simulated() ? "simulated isolation" : trust.level().label();
    }

    /** The tooltip and accessible text: the level and why. */
    public static String explanation(Trust trust) {
        if (trust.simulated()) {
            return trust.reason();
        }
        String level = trust.level().label();
        return Character.toUpperCase(level.charAt(0)) + level.substring(1) + ": " + trust.reason();
    }
}
