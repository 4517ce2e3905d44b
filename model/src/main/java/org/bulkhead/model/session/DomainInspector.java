package org.bulkhead.model.session;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.bulkhead.model.host.HostEnforcement;
import org.bulkhead.model.security.DomainSecurity;
import org.bulkhead.model.security.ResourceCheck;
import org.bulkhead.model.security.ResourceVerifier;
import org.bulkhead.model.security.SeclabelView;
import org.bulkhead.model.security.Trust;
import org.bulkhead.model.security.TrustAssessment;
import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.isolation.DomainEnforcement;
import org.bulkhead.model.isolation.IsolationModels;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.SecurityContext;
import org.bulkhead.model.hostsec.ProcessLabel;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.plan.PlanContext;
import org.bulkhead.model.plan.ResourceLabelPlan;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.store.SnapshotFactory;
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

    /** {@link HostContextProbe#recheck}: the host's mode and policy facts read again, libvirt not asked. */
    public HostContext recheckHost(HostContext known, Set<String> domainContexts) {
        return hostProbe.recheck(known, domainContexts);
    }

    @Override
    public DomainSnapshot snapshot(HostContext host, DomainRecord record) {
        DomainSpec spec = DomainXml.parse(record.xml());
        return new DomainSnapshot(host.info().uri(), record, spec, inspect(host, record, spec));
    }

    /**
     * The snapshot's enforcement and trust under the host's new facts, keeping what was read
     * about its files and process: a mode or policy change needs no file read at all.
     */
    @Override
    public DomainSnapshot rejudge(HostContext host, DomainSnapshot known) {
        DomainSecurity old = known.security();
        Optional<SeclabelView> confining = confining(host, old.seclabels());
        HostEnforcement enforcement = hostEnforcement(host, known.record());
        DomainEnforcement domainEnforcement = domainEnforcement(host, enforcement, confining, old.process());
        Trust trust = TrustAssessment.assess(confining, domainEnforcement,
                Optional.ofNullable(host.baseContexts().get("dac")));
        return new DomainSnapshot(known.connectionUri(), known.record(), known.spec(),
                new DomainSecurity(old.seclabels(), old.primaryModel(), old.label(), old.imageLabel(), enforcement,
                        domainEnforcement, old.process(), old.resources(), trust, old.sharedWith()));
    }

    private static HostEnforcement hostEnforcement(HostContext host, DomainRecord record) {
        if (host.enforcement() == HostEnforcement.UNKNOWN_REMOTE && record.runtimeLabel().isPresent()) {
            // The one thing libvirt tells about a remote kernel: its enforcing flag, as seen for this domain.
            return record.runtimeLabel().get().enforcing() ? HostEnforcement.ENFORCING : HostEnforcement.PERMISSIVE;
        }
        return host.enforcement();
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
        HostEnforcement enforcement = hostEnforcement(host, record);
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

        DomainEnforcement domainEnforcement = domainEnforcement(withTypesOf(host, files, process, confining),
                enforcement, confining, process);
        Trust trust = TrustAssessment.assess(confining, domainEnforcement,
                Optional.ofNullable(host.baseContexts().get("dac")));
        return new DomainSecurity(views, confining.map(SeclabelView::model).orElse("none"),
                confining.flatMap(SeclabelView::label), confining.flatMap(SeclabelView::imageLabel),
                enforcement, domainEnforcement, process, checks, trust, List.of());
    }

    /**
     * Whether the kernel enforces the domain's label: the host's own state first (a permissive or
     * disabled host enforces no VM), then the model's rule for this VM's type, profile or user.
     */
    static DomainEnforcement domainEnforcement(HostContext host, HostEnforcement enforcement,
            Optional<SeclabelView> confining, Optional<ProcessLabel> process) {
        if (confining.isEmpty() || confining.get().model().equals("none") || confining.get().type().equals("none")) {
            return DomainEnforcement.unconfined("unconfined", "No security label confines this VM.");
        }
        return switch (enforcement) {
            case SIMULATED -> new DomainEnforcement(DomainEnforcement.Verdict.SIMULATED, "simulated",
                    "Simulated by the test driver: the label is recorded, nothing is enforced.");
            case NONE, DISABLED -> DomainEnforcement.unconfined(enforcement == HostEnforcement.NONE ? "none"
                    : "disabled", "The host enforces no security model (" + enforcement.label()
                    + "): labels have no effect.");
            case PERMISSIVE -> DomainEnforcement.logged("permissive", "The host is permissive: denials are logged,"
                    + " not enforced (`setenforce 1` enforces them again).");
            case COMPLAIN -> DomainEnforcement.logged("complain", "The host's AppArmor is in complain mode: denials"
                    + " are logged, not enforced.");
            case UNKNOWN_REMOTE -> DomainEnforcement.notChecked("unknown (remote)", "Whether the remote host"
                    + " enforces this label is not visible from here.");
            case ENFORCING, DAC_ONLY -> IsolationModels.forModel(confining.get().model())
                    .enforcement(host, confining.get().label(), process);
        };
    }

    /**
     * {@code host} with the permissive state of this domain's own SELinux types where the host
     * facts lack them (a static label of a type of its own); one question to the host, only then.
     */
    private static HostContext withTypesOf(HostContext host, Optional<HostSecurity> files,
            Optional<ProcessLabel> process, Optional<SeclabelView> confining) {
        if (files.isEmpty() || confining.isEmpty() || !confining.get().model().equals("selinux")) {
            return host;
        }
        Set<String> unchecked = new TreeSet<>();
        process.flatMap(ProcessLabel::selinuxContext).ifPresent(unchecked::add);
        confining.get().label().ifPresent(unchecked::add);
        unchecked.removeIf(context -> typeOf(context).map(t -> host.facts().permissive(t).isPresent()).orElse(true));
        if (unchecked.isEmpty()) {
            return host;
        }
        return host.withEnforcement(host.enforcement(), host.localDriver(),
                host.facts().with(files.get().enforcementFacts(unchecked)));
    }

    private static Optional<String> typeOf(String context) {
        try {
            return Optional.of(SecurityContext.parse(context).type());
        } catch (LabelFormatException e) {
            return Optional.empty();
        }
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
