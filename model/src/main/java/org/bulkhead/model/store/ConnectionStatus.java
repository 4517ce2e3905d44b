package org.bulkhead.model.store;

/** What the store knows about a connection's freshness. */
public enum ConnectionStatus {
    CONNECTING("connecting"),
    OPEN("connected"),
    /** The connection dropped: its domains are the last known state and marked stale. */
    LOST("connection lost"),
    CLOSED("closed");

    private final String label;

    ConnectionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
