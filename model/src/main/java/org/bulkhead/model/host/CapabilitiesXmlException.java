package org.bulkhead.model.host;

/** A capabilities XML Bulkhead cannot read; the message says what was wrong. */
public class CapabilitiesXmlException extends IllegalArgumentException {

    public CapabilitiesXmlException(String message) {
        super(message);
    }

    public CapabilitiesXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
