package org.bulkhead.model.security;

import java.util.List;
import java.util.Optional;

import org.bulkhead.model.hostsec.ProcessLabel;

/**
 * What confines one domain: every seclabel libvirt reports, the primary model's label, the
 * host's enforcement, the QEMU process as the kernel sees it (local hosts), each resource's
 * planned and actual label, and the resulting trust verdict.
 */
public record DomainSecurity(List<SeclabelView> seclabels, String primaryModel, Optional<String> label,
        Optional<String> imageLabel, HostEnforcement enforcement, Optional<ProcessLabel> process,
        List<ResourceCheck> resources, Trust trust) {

    public DomainSecurity {
        seclabels = List.copyOf(seclabels);
        resources = List.copyOf(resources);
    }

    /** Whether any resource's actual label differs from the plan. */
    public boolean hasMismatch() {
        return resources.stream().anyMatch(r -> r.verdict() == ResourceCheck.Verdict.MISMATCH);
    }
}
