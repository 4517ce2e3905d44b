package org.bulkhead.model.provision;

import org.bulkhead.model.isolation.IsolationModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.hypervisor.HostCapacity;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.store.SnapshotFactory;

/**
 * Creating a VM on one connection, whatever asks for it: the New VM wizard and
 * {@code bulkhead create} both go through here, so both draft, check, finish and roll back
 * the same way. Opened on a connection, it knows the host (its security context, pools and
 * networks, whether KVM works for an isolated VM); then it drafts a {@link VmRequest} with its
 * pre-flight findings and runs Finish. Every method except the accessors blocks on libvirt or the
 * disk: call them off a UI thread.
 */
public final class VmCreation implements AutoCloseable {

    /**
     * The ports creating a VM works through, as the application wires them.
     *
     * @param hostProbe    what confines domains on a connection's host (DomainInspector::probeHost)
     * @param snapshots    builds a domain's labels and checks, for reading the new VM back
     * @param hostSecurity the file labels of a connection's host, for verifying the new VM's files:
     *                     this machine's for a local connection, the remote host's over ssh (the
     *                     same as the window reads), empty where Bulkhead cannot see them
     * @param hostFiles    this machine's directories and filesystems, for the pre-flight checks
     * @param ledgers      the label ledger of each connection, shared by everything that creates VMs
     */
    public record Ports(Hypervisor hypervisor, Function<HypervisorConnection, HostContext> hostProbe,
            SnapshotFactory snapshots, Function<HostInfo, Optional<HostSecurity>> hostSecurity,
            Optional<HostFiles> hostFiles, LabelLedgers ledgers) {

        /** With one host security for every connection (tests that connect to one host only). */
        public Ports(Hypervisor hypervisor, Function<HypervisorConnection, HostContext> hostProbe,
                SnapshotFactory snapshots, Optional<HostSecurity> hostSecurity, Optional<HostFiles> hostFiles,
                LabelLedgers ledgers) {
            this(hypervisor, hostProbe, snapshots, info -> hostSecurity, hostFiles, ledgers);
            Objects.requireNonNull(hostSecurity, "hostSecurity");
        }

        public Ports {
            Objects.requireNonNull(hypervisor, "hypervisor");
            Objects.requireNonNull(hostProbe, "hostProbe");
            Objects.requireNonNull(snapshots, "snapshots");
            Objects.requireNonNull(hostSecurity, "hostSecurity");
            Objects.requireNonNull(hostFiles, "hostFiles");
            Objects.requireNonNull(ledgers, "ledgers");
        }
    }

    /** A draft and what the pre-flight checks found about it, in the order to show them. */
    public record Summary(ProvisionDraft draft, List<PreflightFinding> findings) {
        public Summary {
            Objects.requireNonNull(draft, "draft");
            findings = List.copyOf(findings);
        }
    }

    private final Ports ports;
    private final String uri;
    private final HypervisorConnection connection;
    private final HostContext host;
    private final HostSetup setup;
    private final Acceleration acceleration;
    private final Optional<HostCapacity> capacity;

    private VmCreation(Ports ports, String uri, HypervisorConnection connection, HostContext host, HostSetup setup,
            Acceleration acceleration, Optional<HostCapacity> capacity) {
        this.ports = ports;
        this.uri = uri;
        this.connection = connection;
        this.host = host;
        this.setup = setup;
        this.acceleration = acceleration;
        this.capacity = capacity;
    }

    /**
     * Opens {@code uri} and reads what the host offers: its security context, pools and networks,
     * and whether KVM works for an isolated VM.
     *
     * @throws org.bulkhead.model.hypervisor.HypervisorException when the connection cannot be opened or probed
     */
    public static VmCreation open(Ports ports, String uri) {
        HypervisorConnection opened = ports.hypervisor().open(uri);
        try {
            HostContext probed = ports.hostProbe().apply(opened);
            return new VmCreation(ports, uri, opened, probed, HostSetup.read(opened),
                    Acceleration.of(probed, ports.hostFiles()), readCapacity(opened));
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private static Optional<HostCapacity> readCapacity(HypervisorConnection connection) {
        try {
            return connection.hostCapacity();
        } catch (HypervisorException e) {
            return Optional.empty(); // no node info: libvirt refuses an impossible VM at define or start
        }
    }

    public String uri() {
        return uri;
    }

    public HostContext host() {
        return host;
    }

    public HostSetup setup() {
        return setup;
    }

    public Acceleration acceleration() {
        return acceleration;
    }

    /** libvirt's domain type for a new VM here: the test driver's own, else TCG when emulated, else KVM. */
    public String virtType(boolean emulated) {
        return IsolationModels.of(host).simulated() ? "test" : emulated ? "qemu" : "kvm";
    }

    /** The host's memory and CPUs, when libvirt reports them. */
    public Optional<HostCapacity> capacity() {
        return capacity;
    }

    /** Why this much memory does not fit this host, or empty when it does (or the host's memory is unknown). */
    public Optional<String> memoryBeyondHost(long memoryMiB) {
        return capacity.flatMap(c -> RequestRules.memoryOnHost(memoryMiB, c));
    }

    public Optional<String> vcpusBeyondHost(int vcpus) {
        return capacity.flatMap(c -> RequestRules.vcpusOnHost(vcpus, c));
    }

    /** Why a new disk this large does not fit the named pool's free space, or empty when it does or is unknown. */
    public Optional<String> diskBeyondPool(String pool, long bytes) {
        return setup.pools().stream().filter(p -> p.name().equals(pool)).findFirst()
                .flatMap(p -> RequestRules.capacityInPool(bytes, p));
    }

    /** The first answer of {@code request} that this host or its pool cannot hold, in the wizard's sentence. */
    public Optional<String> beyondHost(VmRequest request) {
        return memoryBeyondHost(request.memoryMiB()).or(() -> vcpusBeyondHost(request.vcpus()))
                .or(() -> request.storage() instanceof VmRequest.Storage.NewVolume volume
                        ? diskBeyondPool(volume.pool(), volume.capacityBytes()) : Optional.empty());
    }

    /**
     * Why a local file the VM needs is not there, or empty when it is, or when this machine's
     * files say nothing about the host (remote hosts: libvirt checks at start). The test driver
     * runs in this process, so its paths are this machine's.
     *
     * @param what the file's role in a sentence ("ISO", "disk image")
     */
    public Optional<String> missingFile(String path, String what) {
        if (!host.info().local() || ports.hostFiles().isEmpty()) {
            return Optional.empty();
        }
        return ports.hostFiles().get().facts(Path.of(path)).isPresent() ? Optional.empty()
                : Optional.of("There is no " + what + " at " + path + ".");
    }

    /**
     * Drafts the VM against the domains libvirt holds now and runs the pre-flight checks on it.
     * The draft's reservation stays in the ledger until {@link #release} or Finish.
     *
     * @param reallocate the one-click fix for a label collision: called when the user wants a fresh label
     * @throws IllegalArgumentException when an answer is unusable (the message says which)
     * @throws IllegalStateException    when Isolated is asked for and the host cannot honour it
     */
    public Summary draft(VmRequest request, Runnable reallocate, Consumer<String> replaceSource) {
        LabelLedger ledger = ledger();
        List<DomainRecord> domains = connection.listDomains();
        LabelUses.resync(ledger, domains);
        ProvisionDraft drafted = ProvisionPlanner.draft(request, host, ledger, setup);
        try {
            return new Summary(drafted, preflight(drafted, domains, ledger, reallocate, replaceSource));
        } catch (RuntimeException e) {
            drafted.isolation().release(ledger);
            throw e;
        }
    }

    /** Runs the pre-flight checks again on the same draft, against the domains libvirt holds now. */
    public List<PreflightFinding> recheck(ProvisionDraft draft, Runnable reallocate, Consumer<String> replaceSource) {
        LabelLedger ledger = ledger();
        List<DomainRecord> domains = connection.listDomains();
        LabelUses.resync(ledger, domains);
        return preflight(draft, domains, ledger, reallocate, replaceSource);
    }

    private List<PreflightFinding> preflight(ProvisionDraft drafted, List<DomainRecord> domains, LabelLedger ledger,
            Runnable reallocate, Consumer<String> replaceSource) {
        return attentionFirst(new Preflight(PreflightInputs.of(drafted, domains, ledger, ports.hostFiles(),
                setup.pools(), reallocate, replaceSource)).run());
    }

    /** Blocking findings, then warnings, then what passed; the order of checks within each. */
    private static List<PreflightFinding> attentionFirst(List<PreflightFinding> all) {
        return all.stream().sorted(java.util.Comparator.comparing(PreflightFinding::status).reversed()).toList();
    }

    /**
     * The findings a person must accept before Finish: every one that neither passed nor blocks.
     * A status added later (a check that could not run, say) is asked about too, never taken as passed.
     */
    public static List<PreflightFinding> needingAcknowledgement(List<PreflightFinding> findings) {
        return findings.stream()
                .filter(f -> f.status() != PreflightFinding.Status.PASSED && f.status() != PreflightFinding.Status.BLOCKING)
                .toList();
    }

    /**
     * Finish: creates what the draft needs, defines and (if asked) starts the VM and reads its labels
     * back; on failure removes again what it created. The draft's reservation is kept or released.
     */
    public ProvisionOutcome finish(ProvisionDraft draft, ProvisionListener listener) {
        Provisioner provisioner = new Provisioner(connection, ledger(),
                new LabelVerifier(ports.snapshots(), ports.hostSecurity().apply(host.info())), ports.hostFiles());
        return provisioner.finish(draft, listener);
    }

    /** Gives back what the ledger reserved for a draft that will not be finished; safe to call twice. */
    public void release(ProvisionDraft draft) {
        draft.isolation().release(ledger());
    }

    /** One progress line for a step of Finish, as the wizard and the command line show it. */
    public static String progressLine(ProvisionStep step, ProvisionListener.State state, String detail) {
        return "[" + state.name().toLowerCase(Locale.ROOT) + "] " + step.label() + (detail.isEmpty() ? "" : ": " + detail);
    }

    private LabelLedger ledger() {
        return ports.ledgers().forUri(uri);
    }

    /** Closes the connection; reservations live in the shared ledger and are not touched. */
    @Override
    public void close() {
        connection.close();
    }
}
