package org.bulkhead.model.hypervisor;

/**
 * A hypervisor operation failed. The message is for users: what failed, why, and what to do.
 * {@link #hint()} is the "what to do" part on its own, empty when there is nothing to suggest.
 */
public class HypervisorException extends RuntimeException {

    private final String hint;

    public HypervisorException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint == null ? "" : hint;
    }

    public HypervisorException(String message, String hint) {
        this(message, hint, null);
    }

    public String hint() {
        return hint;
    }

    /** The message followed by the hint, as one line for a terminal or a dialog. */
    public String userMessage() {
        return hint.isEmpty() ? getMessage() : getMessage() + ". " + hint;
    }
}
