package org.bulkhead.model.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A per-device override inside a disk's or chardev's {@code <source>}: libvirt honours only
 * {@code relabel} and {@code <label>} there.
 */
public record DeviceSecLabel(Optional<String> model, Optional<Boolean> relabel, Optional<String> label) {

    public DeviceSecLabel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(relabel, "relabel");
        Objects.requireNonNull(label, "label");
    }

    /** {@code relabel='no'}: libvirt leaves the resource's label as it finds it. */
    public boolean keepsLabel() {
        return relabel.equals(Optional.of(false));
    }

    /** Whether this override is meant for {@code modelName}; one without a model applies to any. */
    public boolean appliesTo(String modelName) {
        return model.isEmpty() || model.get().equals(modelName);
    }
}
