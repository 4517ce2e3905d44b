package org.bulkhead.model.provision;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Finish did: the domain it created, or what failed, why, and what the roll-back removed.
 *
 * @param failure  what failed and why, in a sentence for the user; empty on success
 * @param rollback one line per thing removed again, or left behind with the command to remove it
 */
public record ProvisionOutcome(String uuid, String name, boolean started, Optional<String> failure,
        Optional<ProvisionStep> failedStep, List<String> rollback, Optional<Verification> verification) {

    public ProvisionOutcome {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(failedStep, "failedStep");
        rollback = List.copyOf(rollback);
        Objects.requireNonNull(verification, "verification");
    }

    /** The roll-back in one sentence: what was undone, and what was left with the command that removes it. */
    public static String describeRollback(List<String> rollback) {
        List<String> left = rollback.stream().filter(line -> line.startsWith("could not")).toList();
        List<String> undone = rollback.stream().filter(line -> !line.startsWith("could not")).toList();
        if (rollback.isEmpty()) {
            return "Nothing had been created, so nothing was left behind.";
        }
        String text = undone.isEmpty() ? "" : "Rolled back: " + String.join("; ", undone) + ".";
        if (!left.isEmpty()) {
            text += (text.isEmpty() ? "" : "\n") + "Not rolled back: " + String.join("; ", left) + ".";
        }
        return text;
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
