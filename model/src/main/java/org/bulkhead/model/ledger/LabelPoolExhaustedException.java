package org.bulkhead.model.ledger;

/**
 * Every MCS pair or UID of the ledger's range is in use or reserved. The message says how large
 * the range is and how to widen it.
 */
public class LabelPoolExhaustedException extends IllegalStateException {

    public LabelPoolExhaustedException(String message) {
        super(message);
    }
}
