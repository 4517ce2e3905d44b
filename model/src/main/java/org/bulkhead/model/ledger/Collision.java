package org.bulkhead.model.ledger;

import java.util.Objects;

/**
 * Two domains whose labels let one reach the other's resources.
 *
 * @param domainA     UUID of the first domain; for directed kinds, the one that can reach
 * @param domainB     UUID of the second domain; for directed kinds, the one that is reached
 * @param label       the shared part: an MCS level such as {@code s0:c1,c2} or a UID such as {@code +200001}
 * @param explanation one sentence for the user, naming both domains
 */
public record Collision(Kind kind, String domainA, String domainB, String label, String explanation) {

    public enum Kind {
        /** Two domains with the same MCS pair. */
        SHARED_MCS_PAIR,
        /** Two domains with the same category set that is not a pair (one category, or three and more). */
        SHARED_CATEGORIES,
        /** Domain A's categories include all of domain B's, so A can open B's images but not the reverse. */
        CATEGORIES_COVER,
        /** Two domains running as the same DAC UID where at least one label was meant to be unique. */
        SHARED_UID,
        /**
         * A static label equal to a running domain's dynamic label: libvirt reserves only the
         * dynamic labels it generates, so it starts both and they share a compartment.
         */
        STATIC_EQUALS_RUNNING_DYNAMIC
    }

    public Collision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(domainA, "domainA");
        Objects.requireNonNull(domainB, "domainB");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(explanation, "explanation");
    }
}
