package org.bulkhead.app.wiring;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.bulkhead.hostsec.LocalHostFiles;
import org.bulkhead.hostsec.LocalHostSecurity;
import org.bulkhead.hostsec.ssh.SshHostSecurity;
import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.audit.AuditReading;
import org.bulkhead.model.disposable.DisposableVms;
import org.bulkhead.model.disposable.LiveDisposables;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.audit.DenialTrails;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.store.DomainSnapshot;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.provision.LabelLedgers;
import org.bulkhead.model.provision.VmCreation;
import org.bulkhead.model.session.DomainInspector;
import org.bulkhead.model.session.ConnectionSession;
import org.bulkhead.model.store.DomainStore;

/**
 * The one place that joins ports to adapters: the libvirt hypervisor, this machine's security
 * driver, and the inspector that turns domain records into snapshots with labels and checks.
 */
public final class Wiring {

    /** How often a window re-reads each host's enforcement facts (one cheap read, no libvirt call). */
    static final Duration RECHECK_INTERVAL = Duration.ofSeconds(2);

    private final Hypervisor hypervisor;
    private final HostSecurity hostSecurity;
    private final DomainInspector inspector;
    private final Map<String, Optional<HostSecurity>> remoteSecurity = new ConcurrentHashMap<>();
    // One ledger per connection for the app's life, so two open wizards never reserve the same label.
    private final LabelLedgers ledgers = LabelLedgers.withDefaults();

    private Wiring(Hypervisor hypervisor, HostSecurity hostSecurity) {
        this.hypervisor = hypervisor;
        this.hostSecurity = hostSecurity;
        this.inspector = new DomainInspector(this::securityFor);
    }

    /** The real parts: libvirt through libvirt-java, this host's security driver through JNA. */
    public static Wiring real() {
        return new Wiring(new LibvirtHypervisor(), LocalHostSecurity.create());
    }

    /** Given parts: tests pass a hypervisor they can break or a host security they control. */
    public static Wiring of(Hypervisor hypervisor, HostSecurity hostSecurity) {
        return new Wiring(hypervisor, hostSecurity);
    }

    /**
     * Where Bulkhead reads a host's files, processes and policy: this machine's kernel for a local
     * connection, the system ssh for {@code qemu+ssh://} (libvirt's own way there); nothing for
     * other remote transports, which then say what cannot be seen.
     */
    public Optional<HostSecurity> securityFor(HostInfo info) {
        if (info.local()) {
            return Optional.of(hostSecurity);
        }
        return remoteSecurity.computeIfAbsent(info.uri(), uri -> SshHostSecurity.forUri(uri).map(s -> s));
    }

    /**
     * Each of {@code domains}' denial trails from the whole audit log of their host, or why it could
     * not be read (no connection yet, a transport without ssh, a log not readable). Slow: off the
     * UI thread. The window follows the log instead ({@link ConnectionSession#onDenials}).
     */
    public DenialTrails denials(Optional<HostContext> host, java.util.List<DomainSnapshot> domains) {
        AuditReading reading = host.map(h -> auditSince(h, 0))
                .orElseGet(() -> new AuditReading.Unreadable("not connected: the host is not known yet"));
        return DenialTrails.of(reading, domains.stream()
                .map(d -> new DenialTrails.Vm(d.name(), d.security().label(), d.security().imageLabel(),
                        d.spec().disks().stream().flatMap(disk -> disk.path().stream()).toList())).toList());
    }

    /** The host's audit log from {@code offset} on, where Bulkhead can reach it. */
    private AuditReading auditSince(HostContext host, long offset) {
        return securityFor(host.info()).map(security -> security.auditSince(offset))
                .orElseGet(() -> new AuditReading.Unreadable("the audit log of " + host.info().uri()
                        + " cannot be read from here: only local and qemu+ssh:// connections reach it"));
    }

    public Hypervisor hypervisor() {
        return hypervisor;
    }

    public HostSecurity hostSecurity() {
        return hostSecurity;
    }

    public DomainInspector inspector() {
        return inspector;
    }

    /**
     * What creating a VM works through, in the wizard and in {@code bulkhead create}: the same
     * hypervisor, inspector and host security as the window (this machine's for a local connection,
     * the remote host's over {@code qemu+ssh://}), and the app's one set of ledgers.
     */
    public VmCreation.Ports creationPorts() {
        return new VmCreation.Ports(hypervisor, inspector::probeHost, inspector, this::securityFor,
                Optional.of(new LocalHostFiles()), ledgers);
    }

    /**
     * Disposable VMs on an open connection, with the app's ledger for its URI and this machine's
     * files; {@code live} is where running ones are noted for clean-up after a crash.
     */
    public DisposableVms disposables(HypervisorConnection connection, LiveDisposables live) {
        return new DisposableVms(connection, inspector.probeHost(connection), ledgers.forUri(connection.uri()),
                Optional.of(hostSecurity), Optional.of(new LocalHostFiles()), live);
    }

    /**
     * A session for {@code uri}, not yet opened, feeding {@code store}. It re-reads the host's
     * enforcing mode and permissive types every {@link #RECHECK_INTERVAL} ({@code setenforce} and
     * policy modules send no libvirt event) and reads what the host's audit log gained since.
     */
    public ConnectionSession session(String uri, DomainStore store) {
        return new ConnectionSession(hypervisor, uri, store, inspector::probeHost, inspector, inspector::recheckHost,
                this::auditSince, RECHECK_INTERVAL);
    }

    /** A store notifying on {@code executor} (the FX thread in the window, a direct one elsewhere). */
    public static DomainStore store(Executor executor) {
        return new DomainStore(executor);
    }
}
