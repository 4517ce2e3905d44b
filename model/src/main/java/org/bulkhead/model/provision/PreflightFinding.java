package org.bulkhead.model.provision;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one pre-flight check: whether it passed, what it means for this VM, the
 * command that fixes it, and a one-click fix where Bulkhead can apply one itself.
 */
public record PreflightFinding(Check check, Status status, String explanation, Optional<String> command,
        Optional<Fix> fix) {

    public enum Check {
        IMAGE_IN_USE("Image used by another VM"),
        SHARED_WITHOUT_SHAREABLE("Disk shared without <shareable/>"),
        FILESYSTEM("Filesystem keeps labels"),
        QEMU_CAN_REACH("QEMU can reach the files"),
        ENFORCEMENT("Host enforces labels"),
        SECURITY_DRIVER("Security driver present"),
        LABEL_COLLISION("Label unique on this connection"),
        SOURCE_ALLOWED("Files this VM may be given"),
        PRIVATE_FILES("Files private to this VM"),
        INSTALL_MEDIA("Install media stay shared and read-only"),
        HOST_SETUP("Storage and network ready");

        private final String title;

        Check(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public enum Status {
        PASSED("passed"),
        /** The check could not be made (a remote host, say): never counted as passed. */
        NOT_CHECKED("not checked"),
        /** The VM can be created, but the user must acknowledge what this means. */
        WARNING("warning"),
        /** Finish stays disabled until this is fixed. */
        BLOCKING("must fix");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Something Bulkhead can do itself; {@code label} is the button text. */
    public record Fix(String label, Runnable action) {
        public Fix {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(action, "action");
        }
    }

    public PreflightFinding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(fix, "fix");
    }

    static PreflightFinding passed(Check check, String explanation) {
        return new PreflightFinding(check, Status.PASSED, explanation, Optional.empty(), Optional.empty());
    }

    static PreflightFinding notChecked(Check check, String explanation) {
        return new PreflightFinding(check, Status.NOT_CHECKED, explanation, Optional.empty(), Optional.empty());
    }
}
