package org.bulkhead.model.host;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code <secmodel>} of a host's capabilities: a security driver the hypervisor connection uses.
 *
 * @param doi        domain of interpretation; empty for the test driver
 * @param baseLabels the label each virtualization type starts from, keyed by the baselabel's
 *                   {@code type} (kvm, qemu), in document order
 */
public record SecModel(String model, String doi, Map<String, String> baseLabels) {

    public SecModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(doi, "doi");
        baseLabels = Collections.unmodifiableMap(new LinkedHashMap<>(baseLabels));
    }
}
