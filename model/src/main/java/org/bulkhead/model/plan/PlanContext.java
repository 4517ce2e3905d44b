package org.bulkhead.model.plan;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.label.SecurityModel;

/**
 * What a plan needs beyond the domain: the security model to plan for, the domain's labels as
 * far as they are known, and the host's base contexts.
 *
 * @param processLabel the label the domain runs (or will run) under: from the live seclabel of a
 *                     running domain, or the static label Bulkhead will write; empty for a
 *                     dynamic label not yet allocated
 * @param imageLabel   the image label, when known; otherwise derived from the process label
 * @param baseContexts keyed {@link #IMAGE} ({@code svirt_image_t:s0}), {@link #CONTENT}
 *                     ({@code virt_content_t:s0}) and {@link #DAC} (the QEMU user's {@code +uid:+gid})
 */
public record PlanContext(SecurityModel model, Optional<String> processLabel, Optional<String> imageLabel,
        Map<String, String> baseContexts) {

    public static final String IMAGE = "image";
    public static final String CONTENT = "content";
    public static final String DAC = "dac";

    public PlanContext {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(processLabel, "processLabel");
        Objects.requireNonNull(imageLabel, "imageLabel");
        baseContexts = Map.copyOf(baseContexts);
    }

    /** A context knowing no labels yet: a dynamic label is then reported as allocated at start. */
    public static PlanContext of(SecurityModel model, Map<String, String> baseContexts) {
        return new PlanContext(model, Optional.empty(), Optional.empty(), baseContexts);
    }

    /** Takes the labels from {@code domain}'s own seclabel for {@code model}, as its XML states them. */
    public static PlanContext forDomain(DomainSpec domain, SecurityModel model, Map<String, String> baseContexts) {
        Optional<SecLabel> seclabel = ModelSeclabels.find(domain, model);
        return new PlanContext(model, seclabel.flatMap(SecLabel::label), seclabel.flatMap(SecLabel::imageLabel),
                baseContexts);
    }

    public PlanContext withLabels(Optional<String> newProcessLabel, Optional<String> newImageLabel) {
        return new PlanContext(model, newProcessLabel, newImageLabel, baseContexts);
    }

    Optional<String> base(String key) {
        return Optional.ofNullable(baseContexts.get(key)).filter(value -> !value.isBlank());
    }
}
