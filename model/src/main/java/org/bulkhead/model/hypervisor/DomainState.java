package org.bulkhead.model.hypervisor;

/** A domain's lifecycle state as libvirt reports it. */
public enum DomainState {
    NO_STATE("no state"),
    RUNNING("running"),
    BLOCKED("blocked"),
    PAUSED("paused"),
    SHUTTING_DOWN("shutting down"),
    SHUT_OFF("shut off"),
    CRASHED("crashed"),
    PM_SUSPENDED("suspended (power management)");

    private final String label;

    DomainState(String label) {
        this.label = label;
    }

    /** Whether a QEMU process exists for the domain, so its dynamic labels are in use. */
    public boolean isActive() {
        return this == RUNNING || this == BLOCKED || this == PAUSED || this == SHUTTING_DOWN
                || this == PM_SUSPENDED;
    }

    public String label() {
        return label;
    }
}
