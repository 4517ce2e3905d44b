package org.bulkhead.model.provision;

import org.bulkhead.model.session.HostContext;

/**
 * Which row of ARCHITECTURE.md's "what Isolated means" table a connection's host falls in:
 * decided by libvirt's security models for the connection, the first that confines anything.
 */
public enum HostKind {
    SELINUX("SELinux"),
    APPARMOR("AppArmor"),
    /** No MAC model, but libvirt's DAC driver: per-VM UIDs are the isolation. */
    DAC("DAC only (file owners)"),
    /** libvirt's test driver: labels are kept, never enforced. */
    TEST("test driver (simulated)"),
    /** No security driver at all: nothing can isolate a VM. */
    NONE("no security driver");

    private final String label;

    HostKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static HostKind of(HostContext host) {
        if (host.models().contains("testSecurity")) {
            return TEST;
        }
        for (String model : host.models()) {
            switch (model) {
                case "selinux" -> {
                    return SELINUX;
                }
                case "apparmor" -> {
                    return APPARMOR;
                }
                case "dac" -> {
                    return DAC;
                }
                default -> {
                    // "none" lists first on hosts without MAC; keep looking for dac
                }
            }
        }
        return NONE;
    }
}
