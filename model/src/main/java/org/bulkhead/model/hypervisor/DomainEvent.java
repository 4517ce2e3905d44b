package org.bulkhead.model.hypervisor;

/** A lifecycle event for one domain on one connection, translated from libvirt's. */
public record DomainEvent(String connectionUri, String uuid, String name, Kind kind) {

    public enum Kind {
        DEFINED, UNDEFINED, STARTED, SUSPENDED, RESUMED, STOPPED, SHUTDOWN, PM_SUSPENDED, CRASHED, OTHER
    }
}
