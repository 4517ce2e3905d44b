package org.bulkhead.model.security;

import java.util.Objects;

/**
 * The one-glance verdict on a domain's confinement, always with the reason in words: the level
 * is never shown by colour alone.
 *
 * @param simulated a label of its own on a host that only simulates (libvirt's test driver): weak,
 *                  since nothing enforces it, but what the user asked for, and said so in words
 */
public record Trust(Level level, String reason, boolean simulated) {

    public Trust(Level level, String reason) {
        this(level, reason, false);
    }

    public enum Level {
        /** Enforced, unique label, relabelling on. */
        ISOLATED("isolated"),
        /** Confined, but shared or static label, or a host that only logs. */
        WEAK("weak"),
        /** Unconfined, model none, or no driver. */
        UNCONFINED("unconfined"),
        /** Listed, not yet read and inspected: never taken for safe. */
        UNCHECKED("unchecked");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Trust {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
    }
}
