package org.bulkhead.model.host;

/**
 * What confines domains on a connection's host, as far as Bulkhead can tell from here.
 * Remote hosts' kernel state is not visible: {@link #UNKNOWN_REMOTE} says so instead of guessing.
 */
public enum HostEnforcement {
    ENFORCING("enforcing"),
    PERMISSIVE("permissive: denials are logged, not enforced"),
    COMPLAIN("complain mode: denials are logged, not enforced"),
    DISABLED("disabled"),
    DAC_ONLY("DAC only: file ownership and modes"),
    NONE("no security driver"),
    SIMULATED("simulated: test driver, nothing enforced"),
    UNKNOWN_REMOTE("not visible from here (remote host)");

    private final String label;

    HostEnforcement(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the kernel actually refuses what the labels forbid. */
    public boolean enforces() {
        return this == ENFORCING || this == DAC_ONLY;
    }
}
