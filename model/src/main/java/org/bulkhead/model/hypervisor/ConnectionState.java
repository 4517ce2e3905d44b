package org.bulkhead.model.hypervisor;

/** Whether a connection is usable. */
public enum ConnectionState {
    OPEN,
    /** The daemon went away or the keepalive timed out; every call will fail until reopened. */
    LOST,
    /** Closed by Bulkhead. */
    CLOSED
}
