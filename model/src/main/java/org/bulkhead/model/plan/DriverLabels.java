package org.bulkhead.model.plan;

import java.util.Optional;

import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.Level;
import org.bulkhead.model.label.SecurityContext;

/**
 * The three labels a relabelling driver hands out: the domain's own image label (read-write
 * files), the label for files shared between VMs, and the one for read-only content. SELinux
 * distinguishes all three; DAC gives every file the domain's owner.
 */
record DriverLabels(Known image, Known shared, Known content) {

    /** A label, or why it is not known yet, with the words the plan shows for it. */
    record Known(Optional<String> value, String source) {

        static Known of(String value, String source) {
            return new Known(Optional.of(value), source);
        }

        static Known unknown(String source) {
            return new Known(Optional.empty(), source);
        }
    }

    static DriverLabels selinux(PlanContext ctx, Optional<SecLabel> seclabel) {
        Known image = selinuxImage(ctx, seclabel);
        Known shared = ctx.base(PlanContext.IMAGE)
                .map(base -> Known.of(base, "the base image context with no categories, usable by every VM"))
                .orElseGet(() -> image.value().flatMap(DriverLabels::withoutCategories)
                        .map(label -> Known.of(label, "the image context with no categories, usable by every VM"))
                        .orElse(Known.unknown("the base image context (not known for this host)")));
        Known content = ctx.base(PlanContext.CONTENT)
                .map(base -> Known.of(base, "the shared read-only content context"))
                .orElse(Known.unknown("the shared content context (not known for this host)"));
        return new DriverLabels(image, shared, content);
    }

    private static Known selinuxImage(PlanContext ctx, Optional<SecLabel> seclabel) {
        // the context's labels, when it has any, win over what the domain XML states
        Optional<String> image = ctx.processLabel().isPresent()
                ? ctx.imageLabel()
                : ctx.imageLabel().or(() -> seclabel.flatMap(SecLabel::imageLabel));
        if (image.isPresent()) {
            return Known.of(image.get(), "the domain's image label");
        }
        Optional<String> process = ctx.processLabel().or(() -> seclabel.flatMap(SecLabel::label));
        Optional<String> base = ctx.base(PlanContext.IMAGE);
        if (process.isPresent() && base.isPresent()) {
            // libvirt's image label: the image base context at the process label's range
            try {
                SecurityContext derived = SecurityContext.parse(base.get())
                        .withRange(SecurityContext.parse(process.get()).range());
                return Known.of(derived.toString(), "the domain's image label");
            } catch (LabelFormatException e) {
                return Known.unknown("the domain's image label (cannot be derived: " + e.getMessage() + ")");
            }
        }
        if (process.isEmpty()) {
            return Known.unknown("the domain's image label, allocated by libvirt at start");
        }
        return Known.unknown("the domain's image label (the host's image context is not known)");
    }

    private static Optional<String> withoutCategories(String label) {
        try {
            SecurityContext context = SecurityContext.parse(label);
            return context.level().map(level -> context.withLevel(Level.of(level.sensitivity())).toString());
        } catch (LabelFormatException e) {
            return Optional.empty();
        }
    }

    /** libvirt's DAC driver chowns every file, read-only and shared ones included, to one owner. */
    static DriverLabels dac(PlanContext ctx, Optional<SecLabel> seclabel) {
        Optional<String> own = ctx.imageLabel().or(ctx::processLabel)
                .or(() -> seclabel.flatMap(SecLabel::imageLabel))
                .or(() -> seclabel.flatMap(SecLabel::label));
        Known owner = own.map(label -> Known.of(label, "the domain's DAC owner"))
                .or(() -> ctx.base(PlanContext.DAC).map(label -> Known.of(label,
                        "libvirt's QEMU user and group (qemu.conf), the DAC owner of dynamic domains")))
                .orElse(Known.unknown("libvirt's QEMU user and group from qemu.conf (not known here)"));
        Known alsoShared = new Known(owner.value(), owner.source() + " (DAC chowns shared and read-only files too)");
        return new DriverLabels(owner, alsoShared, alsoShared);
    }
}
