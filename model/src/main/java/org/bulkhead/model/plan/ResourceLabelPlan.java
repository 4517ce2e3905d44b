package org.bulkhead.model.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.plan.ResourceLabel.Action;

/**
 * The label each resource of a domain gets from one security driver when the domain starts,
 * following libvirt's rules (security_selinux.c, security_dac.c; see SVIRT-FACTS.md).
 */
public record ResourceLabelPlan(SecurityModel model, List<ResourceLabel> resources) {

    public ResourceLabelPlan {
        Objects.requireNonNull(model, "model");
        resources = List.copyOf(resources);
    }

    public static ResourceLabelPlan compute(DomainSpec domain, PlanContext ctx) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(ctx, "ctx");
        LabelPolicy policy = policy(domain, ctx);
        List<ResourceLabel> labels = DomainResources.walk(domain, ctx.model()).stream()
                .map(site -> label(site, policy))
                .toList();
        return new ResourceLabelPlan(ctx.model(), labels);
    }

    /** The label {@code resource} should carry while the domain runs; empty if none is set or known. */
    public Optional<String> expected(Resource resource) {
        return resources.stream()
                .filter(r -> r.resource().equals(resource) && r.action() == Action.RELABEL)
                .findFirst()
                .flatMap(ResourceLabel::label);
    }

    private static ResourceLabel label(Site site, LabelPolicy policy) {
        return switch (site.use()) {
            case NOT_A_FILE -> new ResourceLabel(site.resource(), Action.NOT_A_FILE, Optional.empty(), site.what());
            case SOCKET_BIND -> new ResourceLabel(site.resource(), Action.QEMU_CREATES, Optional.empty(),
                    site.what() + ": QEMU creates it at start under its own label");
            case DIRECTORY -> new ResourceLabel(site.resource(), Action.LEAVE_ALONE, Optional.empty(), site.what());
            default -> policy.label(site);
        };
    }

    private static LabelPolicy policy(DomainSpec domain, PlanContext ctx) {
        SecurityModel model = ctx.model();
        if (model == SecurityModel.NONE) {
            return new LabelPolicy.Untouched("no security driver, nothing is relabelled");
        }
        Optional<SecLabel> seclabel = ModelSeclabels.find(domain, model);
        if (seclabel.isPresent() && seclabel.get().isNone()) {
            return new LabelPolicy.Untouched("seclabel type='none' for " + model.libvirtName()
                    + ": unconfined, nothing is relabelled");
        }
        if (model == SecurityModel.APPARMOR) {
            boolean fixed = seclabel.flatMap(SecLabel::type).equals(Optional.of(SecLabel.Type.STATIC))
                    && seclabel.get().label().isPresent();
            return fixed ? new LabelPolicy.AppArmorProfile(seclabel.get().label().get(), false)
                    : new LabelPolicy.AppArmorProfile("libvirt-" + domain.uuid(), true);
        }
        if (seclabel.isPresent() && !seclabel.get().effectiveRelabel()) {
            return new LabelPolicy.Untouched("the static label does not relabel (relabel='no'), "
                    + "so every file keeps its label and must already suit the domain");
        }
        return new LabelPolicy.Relabel(model == SecurityModel.DAC
                ? DriverLabels.dac(ctx, seclabel)
                : DriverLabels.selinux(ctx, seclabel), model);
    }
}
