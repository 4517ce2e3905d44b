package org.bulkhead.model.hostsec;

import java.nio.file.Path;

/**
 * Reading or setting a file's label failed. The message says what failed, why, and what to do;
 * {@link #reason()} lets callers react (for example, offer a boolean for NFS).
 */
public class FileLabelException extends RuntimeException {

    public enum Reason {
        NOT_FOUND, PERMISSION_DENIED, NOT_SUPPORTED, READ_ONLY_FILESYSTEM, INVALID_LABEL, OTHER
    }

    private final Path path;
    private final Reason reason;

    public FileLabelException(Path path, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
        this.reason = reason;
    }

    public FileLabelException(Path path, Reason reason, String message) {
        this(path, reason, message, null);
    }

    public Path path() {
        return path;
    }

    public Reason reason() {
        return reason;
    }
}
