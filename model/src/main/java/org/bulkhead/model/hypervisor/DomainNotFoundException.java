package org.bulkhead.model.hypervisor;

/**
 * The domain an operation named does not exist (any more): usually another tool undefined it
 * meanwhile. Callers that only wanted to refresh it treat this as its removal.
 */
public class DomainNotFoundException extends HypervisorException {

    public DomainNotFoundException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
