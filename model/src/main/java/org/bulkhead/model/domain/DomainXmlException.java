package org.bulkhead.model.domain;

/** A domain XML Bulkhead cannot read or write; the message says what was wrong. */
public class DomainXmlException extends IllegalArgumentException {

    public DomainXmlException(String message) {
        super(message);
    }

    public DomainXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
