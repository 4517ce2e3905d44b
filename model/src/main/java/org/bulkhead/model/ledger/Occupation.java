package org.bulkhead.model.ledger;

import java.util.Optional;

import org.bulkhead.model.label.CategorySet;
import org.bulkhead.model.label.DacLabel;
import org.bulkhead.model.label.Level;
import org.bulkhead.model.label.McsPair;
import org.bulkhead.model.label.SecurityContext;

/**
 * What one label use holds while it is in force: an MCS level (with its pair when it has exactly
 * two categories) or a numeric DAC UID. An MCS level holds every pair its categories include,
 * since the VM may open any object whose categories are a subset of its own.
 *
 * @param level the MCS level, or null for a DAC use
 * @param pair  the level's pair, or null
 * @param uid   the DAC UID, or -1 for an MCS use
 */
record Occupation(LabelUse use, Level level, McsPair pair, int uid) {

    /** What {@code use} holds, if anything. */
    static Optional<Occupation> of(LabelUse use) {
        if (!use.isInForce() || use.label().isEmpty()) {
            return Optional.empty();
        }
        return switch (use.model()) {
            case SELINUX, TEST -> {
                // MCS constraints check the process's high level (h1 dom h2): it bounds what the VM can open.
                Optional<Level> clearance = SecurityContext.parse(use.label()).optionalRange().map(r -> r.high());
                // A level without categories (s0) is the shared "not isolated" label: it reserves nothing.
                yield clearance.filter(level -> !level.categories().isEmpty())
                        .map(level -> new Occupation(use, level, McsPair.of(level).orElse(null), -1));
            }
            case DAC -> {
                var uid = DacLabel.parse(use.label()).uid();
                yield uid.isPresent() ? Optional.of(new Occupation(use, null, null, uid.getAsInt())) : Optional.empty();
            }
            case APPARMOR, NONE -> Optional.empty();
        };
    }

    String domainUuid() {
        return use.domainUuid();
    }

    String domainName() {
        return use.domainName();
    }

    CategorySet categories() {
        return level.categories();
    }

    /** An MCS level of three or more categories: it covers several pairs, not one. */
    boolean isWide() {
        return level != null && pair == null && level.categories().size() >= 3;
    }

    boolean isStaticLike() {
        return use.kind() != LabelUse.Kind.DYNAMIC;
    }

    boolean isRunningDynamic() {
        return use.kind() == LabelUse.Kind.DYNAMIC && use.running();
    }
}
