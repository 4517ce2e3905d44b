package org.bulkhead.model.security;

import java.util.Optional;

import org.bulkhead.model.plan.ResourceLabel;

/**
 * A resource's planned label beside the label actually read from the file, where it could be read.
 * {@code actual} is the SELinux context or {@code +uid:+gid} owner, matching the planned form.
 */
public record ResourceCheck(ResourceLabel planned, Optional<String> actual, Verdict verdict, String detail) {

    public enum Verdict {
        MATCH("matches"),
        MISMATCH("differs"),
        /** The host is remote, or the file could not be read: {@code detail} says why. */
        NOT_VISIBLE("not visible"),
        /** Nothing to compare: the domain is not running, or the resource is not a file. */
        NOT_CHECKED("not checked");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
