package org.bulkhead.hostsec;

import org.bulkhead.hostsec.driver.HostFacts;
import org.bulkhead.hostsec.driver.SecurityDriver;

/**
 * Picks the security driver for a host: the first of selinux, apparmor, dac and none that
 * applies. {@code dac} applies on every Linux kernel; {@code none} only where the kernel is not
 * Linux (see {@link org.bulkhead.hostsec.driver.NoneDriver}).
 */
public final class HostSecurityProbe {

    private HostSecurityProbe() {
    }

    /** The driver for the machine this JVM runs on. */
    public static SecurityDriver probe() {
        return probe(HostFacts.thisHost());
    }

    public static SecurityDriver probe(HostFacts host) {
        return SecurityDriver.probeOrder().stream()
                .filter(driver -> driver.applies(host))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the 'none' driver always applies"));
    }
}
