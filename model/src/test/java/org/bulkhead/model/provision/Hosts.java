package org.bulkhead.model.provision;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bulkhead.model.host.HostCapabilities;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.host.HostEnforcement;
import org.bulkhead.model.host.HostContext;

/** Host contexts for each row of the "what Isolated means" table. */
final class Hosts {

    static final String QEMU_DAC = "+64055:+64055";

    private Hosts() {
    }

    static HostContext of(HostEnforcement enforcement, String... models) {
        return new HostContext(new HostInfo("fake:///system", "fake", "QEMU", "1", "1", true),
                new HostCapabilities(Optional.empty(), "x86_64", List.of(), java.util.Set.of("qemu", "kvm")), List.of(models), enforcement,
                Optional.empty(), Map.of("domain", "system_u:system_r:svirt_t:s0",
                        "image", "system_u:object_r:svirt_image_t:s0",
                        "content", "system_u:object_r:virt_content_t:s0", "dac", QEMU_DAC), List.of());
    }

    static HostContext dac() {
        return of(HostEnforcement.DAC_ONLY, "none", "dac");
    }

    static HostContext selinux() {
        return of(HostEnforcement.ENFORCING, "selinux", "dac");
    }

    static HostContext apparmor() {
        return of(HostEnforcement.ENFORCING, "apparmor", "dac");
    }

    static HostContext test() {
        return of(HostEnforcement.SIMULATED, "testSecurity");
    }

    static HostContext none() {
        return of(HostEnforcement.NONE, "none");
    }
}
