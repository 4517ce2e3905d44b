package org.bulkhead.model.security;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.hostsec.ProcessLabel;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.plan.PlanContext;
import org.bulkhead.model.plan.ResourceLabelPlan;
import org.bulkhead.model.session.HostContext;
import org.bulkhead.model.session.SnapshotFactory;
import org.bulkhead.model.store.DomainSnapshot;

/**
 * Builds each domain's {@link DomainSecurity}: which seclabel confines it, what its resources
 * should carry (the plan), what they do carry (local hosts), and the trust verdict.
 */
public final class DomainInspector implements SnapshotFactory {

    private final Function<HostInfo, Optional<HostSecurity>> securityFor;
    private final HostContextProbe hostProbe;

    /** Reads files and processes with {@code localSecurity} for hosts that are this machine. */
    public DomainInspector(Optional<HostSecurity> localSecurity) {
        this(info -> info.local() ? localSecurity : Optional.empty());
    }

    /** @param securityFor the access to a host's files and processes, where Bulkhead has one */
    public DomainInspector(Function<HostInfo, Optional<HostSecurity>> securityFor) {
        this.securityFor = securityFor;
        this.hostProbe = new HostContextProbe(securityFor);
    }

    public HostContext probeHost(HypervisorConnection connection) {
        return hostProbe.probe(connection);
    }

    @Override
    public DomainSnapshot snapshot(HostContext host, DomainRecord record) {
        DomainSpec spec = DomainXml.parse(record.xml());
        return new DomainSnapshot(host.info().uri(), record, spec, inspect(host, record, spec));
    }

    DomainSecurity inspect(HostContext host, DomainRecord record, DomainSpec spec) {
        List<SeclabelView> views = new java.util.ArrayList<>(spec.seclabels().stream().map(DomainInspector::view).toList());
        Optional<SeclabelView> confining = confining(host, views);
        if (confining.isEmpty() && record.runtimeLabel().isPresent() && !record.runtimeLabel().get().label().isEmpty()) {
            // No seclabel in the XML, yet libvirt reports one at run time (the test driver does this).
            SeclabelView reported = new SeclabelView(host.primaryModel(), "reported", false,
                    Optional.of(record.runtimeLabel().get().label()), Optional.empty());
            views.add(reported);
            confining = Optional.of(reported);
        }
        HostEnforcement enforcement = host.enforcement();
        if (enforcement == HostEnforcement.UNKNOWN_REMOTE && record.runtimeLabel().isPresent()) {
            // The one thing libvirt tells about a remote kernel: whether this domain's label is enforced.
            enforcement = record.runtimeLabel().get().enforcing() ? HostEnforcement.ENFORCING : HostEnforcement.PERMISSIVE;
        }
        Optional<HostSecurity> files = securityFor.apply(host.info());

        Optional<ProcessLabel> process = Optional.empty();
        if (files.isPresent() && record.pid().isPresent()) {
            process = files.get().processLabel(record.pid().getAsLong());
        } else if (files.isPresent() && record.state().isActive()
                && !"test".equalsIgnoreCase(host.info().hypervisorType())) {
            // libvirt did not name the pid (another host, or a pid file Bulkhead may not read).
            process = files.get().qemuProcess(record.uuid());
        }

        Optional<SecurityModel> model = confining.flatMap(v -> SecurityModel.fromLibvirtName(v.model()));
        PlanContext planContext = new PlanContext(model.orElse(SecurityModel.NONE),
                confining.flatMap(SeclabelView::label), confining.flatMap(SeclabelView::imageLabel),
                host.baseContexts());
        ResourceLabelPlan plan = ResourceLabelPlan.compute(spec, planContext);
        ResourceVerifier verifier = new ResourceVerifier(files, host);
        List<ResourceCheck> checks = plan.resources().stream()
                .map(planned -> verifier.check(planned, model.orElse(SecurityModel.NONE), record.state().isActive()))
                .toList();

        Trust trust = TrustAssessment.assess(confining, enforcement,
                Optional.ofNullable(host.baseContexts().get("dac")));
        return new DomainSecurity(views, confining.map(SeclabelView::model).orElse("none"),
                confining.flatMap(SeclabelView::label), confining.flatMap(SeclabelView::imageLabel),
                enforcement, process, checks, trust, List.of());
    }

    /**
     * The seclabel that confines the domain: the one for the first model libvirt lists for the
     * host, skipping "none" (on a host without MAC libvirt lists none first and DAC second).
     */
    static Optional<SeclabelView> confining(HostContext host, List<SeclabelView> views) {
        for (String model : host.models()) {
            if (model.equals("none")) {
                continue;
            }
            Optional<SeclabelView> match = views.stream().filter(v -> model.equals(v.model())).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        // A label without a model applies to the primary one; "none" everywhere means unconfined.
        return views.stream().filter(v -> v.type().equals("none")).findFirst()
                .or(() -> views.stream().findFirst());
    }

    private static SeclabelView view(SecLabel label) {
        String type = label.type().map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).orElse("default");
        return new SeclabelView(label.model() == null ? "" : label.model(), type, label.effectiveRelabel(),
                label.label(), label.imageLabel());
    }
}
