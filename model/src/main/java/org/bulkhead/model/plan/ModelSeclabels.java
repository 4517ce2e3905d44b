package org.bulkhead.model.plan;

import java.util.List;
import java.util.Optional;

import org.bulkhead.model.domain.DeviceSecLabel;
import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.label.SecurityModel;

/** Which of a domain's seclabels and device overrides speak for a security model. */
final class ModelSeclabels {

    private ModelSeclabels() {
    }

    /** The test driver's labels are SELinux-format; Bulkhead may write them under either name. */
    static List<String> names(SecurityModel model) {
        return model == SecurityModel.TEST ? List.of(model.libvirtName(), SecurityModel.SELINUX.libvirtName())
                : List.of(model.libvirtName());
    }

    /**
     * The domain-level seclabel for {@code model}. A lone seclabel without a model counts too:
     * libvirt gives it to the host's primary model, which is what a plan is normally made for.
     */
    static Optional<SecLabel> find(DomainSpec domain, SecurityModel model) {
        for (String name : names(model)) {
            Optional<SecLabel> exact = domain.seclabel(name);
            if (exact.isPresent()) {
                return exact;
            }
        }
        List<SecLabel> all = domain.seclabels();
        return all.size() == 1 && all.get(0).model() == null ? Optional.of(all.get(0)) : Optional.empty();
    }

    /**
     * The override that decides a device's label, as libvirt's drivers test it: one saying
     * {@code relabel='no'} or giving a {@code <label>}; a bare {@code relabel='yes'} decides nothing.
     */
    static Optional<DeviceSecLabel> decisive(List<DeviceSecLabel> overrides, SecurityModel model) {
        List<String> names = names(model);
        return overrides.stream()
                .filter(o -> o.model().isEmpty() || names.contains(o.model().get()))
                .filter(o -> o.keepsLabel() || o.label().isPresent())
                .findFirst();
    }
}
