package org.bulkhead.model.provision;

import java.util.Objects;
import java.util.Optional;

import org.bulkhead.model.isolation.IsolationPlan;
import org.bulkhead.model.domain.NewDomain;
import org.bulkhead.model.hypervisor.VolumeRequest;
import org.bulkhead.model.plan.ResourceLabelPlan;
import org.bulkhead.model.host.HostContext;

/**
 * Everything the summary page shows and Finish does: the domain to define and its XML, the
 * volume to create, the confinement and the label each resource will get.
 *
 * @param volumePath  where the new volume will live, when the pool has a directory
 * @param preparation the pool to create and the network to start before the VM
 */
public record ProvisionDraft(VmRequest request, HostContext host, NewDomain domain, String xml,
        Optional<VolumeRequest> volume, Optional<String> volumePath, IsolationPlan isolation,
        ResourceLabelPlan resourcePlan, HostPreparation preparation) {

    public ProvisionDraft {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(volumePath, "volumePath");
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(resourcePlan, "resourcePlan");
        Objects.requireNonNull(preparation, "preparation");
    }

    public String uuid() {
        return domain.uuid();
    }
}
