package org.bulkhead.ui.main;

import java.util.Optional;

import org.bulkhead.model.audit.DenialTrail;
import org.bulkhead.model.audit.DenialTrails;

/**
 * One VM's denials as the table's badge counts them: refused and only logged, or why the audit
 * log could not be read (never shown as zero), or not read yet.
 */
public record DenialCount(long refused, long logged, Optional<String> unread) {

    static final DenialCount NOT_READ = new DenialCount(0, 0, Optional.of("the audit log has not been read yet"));

    static DenialCount of(DenialTrails trails, String vmName) {
        if (trails.unreadable().isPresent()) {
            return new DenialCount(0, 0, trails.unreadable());
        }
        Optional<DenialTrail> trail = trails.of(vmName);
        return trail.map(t -> new DenialCount(t.refused(), t.loggedOnly(), Optional.empty()))
                .orElse(new DenialCount(0, 0, Optional.of(vmName + " is not in the last reading yet")));
    }

    public long total() {
        return refused + logged;
    }

    /** Shown for a count that could not be checked: a dash, never a zero (its tooltip says why). */
    public static final String NOT_CHECKED = "\u2014";

    /** The badge: the count, a dash when not checked, a ▲ when some were only logged (not enforced). */
    public String badge() {
        if (unread.isPresent()) {
            return NOT_CHECKED;
        }
        return (logged > 0 ? "\u25b2 " : "") + total();
    }

    /** The badge's tooltip, in words. */
    public String describe() {
        if (unread.isPresent()) {
            return "Denials not checked: " + unread.get() + ". Bulkhead cannot tell whether this VM was refused"
                    + " anything, so the count is not shown as zero.";
        }
        if (total() == 0) {
            return "No denials for this VM in the audit log.";
        }
        return total() + (total() == 1 ? " denial: " : " denials: ") + refused + " refused, " + logged
                + " logged, not enforced. The details window's Denials tab lists each.";
    }
}
