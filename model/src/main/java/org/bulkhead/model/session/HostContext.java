package org.bulkhead.model.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bulkhead.model.host.HostCapabilities;
import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.security.HostEnforcement;

/**
 * A connection's host as Bulkhead sees it: what libvirt says (capabilities and its security
 * models, in libvirt's order, primary first), what the local kernel enforces when the host is this
 * machine, the base contexts plans use, and notes on what cannot be seen from here.
 */
public record HostContext(HostInfo info, HostCapabilities capabilities, List<String> models,
        HostEnforcement enforcement, Optional<SecurityDriverInfo> localDriver,
        Map<String, String> baseContexts, List<String> notes) {

    public HostContext {
        models = List.copyOf(models);
        baseContexts = Map.copyOf(baseContexts);
        notes = List.copyOf(notes);
    }

    /** libvirt's primary security model for this connection ("none" when it has none). */
    public String primaryModel() {
        return models.isEmpty() ? "none" : models.get(0);
    }

    /** Models as one line, for example {@code none + dac} or {@code selinux + dac}. */
    public String modelsText() {
        return models.isEmpty() ? "none" : String.join(" + ", models);
    }
}
