package org.bulkhead.model.audit;

/** A line that is not an audit record as auditd writes them; the message names the part. */
public final class AuditFormatException extends IllegalArgumentException {

    public AuditFormatException(String message) {
        super(message);
    }

    public AuditFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
