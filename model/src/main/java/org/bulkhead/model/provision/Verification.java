package org.bulkhead.model.provision;

import java.util.List;
import java.util.Objects;

/**
 * What the running VM's labels turned out to be: its own label and each file's label or owner,
 * read back from libvirt and the disk, beside what the wizard planned.
 *
 * @param lines      one line per thing compared, for the result page
 * @param mismatches the lines that differ (empty when verified)
 * @param unchecked  what could not be checked (empty when verified)
 */
public record Verification(Verdict verdict, List<String> lines, List<String> mismatches, List<String> unchecked) {

    public Verification(Verdict verdict, List<String> lines, List<String> mismatches) {
        this(verdict, lines, mismatches, List.of());
    }

    public enum Verdict {
        VERIFIED("verified"),
        MISMATCH("labels differ from the plan"),
        /** Nothing differs, but a check could not be made on this host: never counted as verified. */
        INCOMPLETE("not fully checked"),
        /** The test driver keeps labels but applies none. */
        SIMULATED("simulated: nothing applied or enforced"),
        /** A remote host: files and processes cannot be read from here. */
        NOT_VISIBLE("not visible from here");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Verification {
        Objects.requireNonNull(verdict, "verdict");
        lines = List.copyOf(lines);
        mismatches = List.copyOf(mismatches);
        unchecked = List.copyOf(unchecked);
    }
}
