package org.bulkhead.model.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;

import org.bulkhead.model.audit.DenialTrails;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.store.SnapshotFactory;
import org.bulkhead.model.hypervisor.ConnectionState;
import org.bulkhead.model.hypervisor.DomainEvent;
import org.bulkhead.model.hypervisor.DomainListing;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainNotFoundException;
import org.bulkhead.model.hypervisor.DomainStats;
import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.hypervisor.Subscriptions;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.SecurityContext;
import org.bulkhead.model.store.Compartments;
import org.bulkhead.model.store.ConnectionStatus;
import org.bulkhead.model.store.DomainKey;
import org.bulkhead.model.store.DomainSnapshot;
import org.bulkhead.model.store.DomainStore;

/**
 * Keeps one connection's domains in the {@link DomainStore}: a full sync on open, then libvirt's
 * lifecycle events (no polling), a reconnect when the connection is lost and a full resync after.
 * A daemon on this machine is tried every half second while it is away, so the window fills
 * again within a second of it answering; other hosts are tried with a backoff. Connecting,
 * refreshes and actions run in order on the connection's own worker thread; statistics are
 * sampled on a second thread, so a sample of thousands of domains never holds up the refresh an
 * event asked for. Neither is the UI thread or libvirt's event loop.
 * Where a {@link HostRecheck} is given, a third thread re-reads the host's enforcing mode and
 * policy facts every few seconds and judges every domain again when they change, since {@code setenforce} or a
 * permissive module change every VM's enforcement without any libvirt event. Where an
 * {@link AuditSource} is given, a fourth thread follows the host's audit log by offset and keeps
 * every VM's denial trail current ({@link #onDenials}).
 * (Connections are thread-safe: a call in flight on one thread finishes before a close on another.)
 *
 * <p>Statistics sampling is its own class ({@link StatsSampling}). What stays here is one idea
 * whose state is confined to the worker thread: the connection's life (connect, loss, backoff,
 * reconnect) and keeping the store in step (full sync, chunked inspection, events, compartments,
 * the enforcement re-check's hand-over). Splitting it further would spread that thread-confined
 * state across classes that each have to know which thread may touch it.
 */
public final class ConnectionSession implements AutoCloseable {

    private static final Logger LOG = System.getLogger(ConnectionSession.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    /**
     * Trying a daemon on this machine costs one refused connect on a local socket, so it is done
     * often; a remote host gets the backoff (an attempt may start ssh or a TLS handshake there).
     */
    private static final Duration LOCAL_RETRY = Duration.ofMillis(500);
    /**
     * Lists up to this long are inspected before they are shown (a few tens of milliseconds);
     * longer ones are shown from the list call first and inspected in chunks of this size.
     */
    static final int SHOW_BEFORE_INSPECTING = 256;
    static final int INSPECTION_CHUNK = 256;
    /** The least pause between two re-checks of the host, however long the last one took. */
    static final Duration MIN_RECHECK_PAUSE = Duration.ofMillis(500);

    private final Hypervisor hypervisor;
    private final String uri;
    private final DomainStore store;
    private final Function<HypervisorConnection, HostContext> hostProbe;
    private final SnapshotFactory snapshots;
    private final ScheduledExecutorService worker;
    private final StatsSampling stats;
    private final HostRecheck recheck;
    private final Duration recheckInterval;
    private final ScheduledExecutorService checker;
    /** The host's audit log, followed on its own thread; null without an audit source. */
    private final DenialFeed denials;
    private final ScheduledExecutorService follower;
    /** One SELinux context per domain type seen on this connection, for the re-check to ask about. */
    private final Map<String, String> contextByType = new ConcurrentHashMap<>();
    /** Which domains share labels; touched only on the worker thread. */
    private Compartments compartments = new Compartments();
    private final Set<String> pendingRefresh = ConcurrentHashMap.newKeySet();
    /** Domains a long list showed before inspecting them, in list order; touched only on the worker. */
    private final Set<String> pending = new LinkedHashSet<>();
    /** Which full sync the queued inspection chunks belong to; a newer sync supersedes them. */
    private long syncGeneration;
    private final List<Consumer<String>> errorListeners = new CopyOnWriteArrayList<>();

    // Written only on the worker thread; volatile so other threads can read a consistent value.
    private volatile HypervisorConnection connection;
    private volatile HostContext host;
    private volatile String lastError = "";
    private AutoCloseable eventSubscription;
    private AutoCloseable stateSubscription;
    private Duration nextRetry = FIRST_RETRY;
    private volatile boolean closed;

    public ConnectionSession(Hypervisor hypervisor, String uri, DomainStore store,
            Function<HypervisorConnection, HostContext> hostProbe, SnapshotFactory snapshots) {
        this(hypervisor, uri, store, hostProbe, snapshots, null, Duration.ZERO);
    }

    /**
     * @param recheck  re-reads the host's enforcement facts every {@code interval} while connected;
     *                 null for none
     */
    public ConnectionSession(Hypervisor hypervisor, String uri, DomainStore store,
            Function<HypervisorConnection, HostContext> hostProbe, SnapshotFactory snapshots,
            HostRecheck recheck, Duration interval) {
        this(hypervisor, uri, store, hostProbe, snapshots, recheck, null, interval);
    }

    /**
     * @param recheck  re-reads the host's enforcement facts every {@code interval} while connected;
     *                 null for none
     * @param audit    where the host's audit log is read, followed every {@code interval} for
     *                 {@link #onDenials}; null for none
     */
    public ConnectionSession(Hypervisor hypervisor, String uri, DomainStore store,
            Function<HypervisorConnection, HostContext> hostProbe, SnapshotFactory snapshots,
            HostRecheck recheck, AuditSource audit, Duration interval) {
        this.recheck = recheck;
        this.recheckInterval = interval;
        this.denials = audit == null ? null : new DenialFeed(audit);
        // Two threads: a slow read of the audit log (over ssh, say) never delays the enforcement re-check.
        this.checker = recheck == null ? null
                : Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "host facts " + uri));
        this.follower = audit == null ? null
                : Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "audit log " + uri));
        this.hypervisor = Objects.requireNonNull(hypervisor, "hypervisor");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.store = Objects.requireNonNull(store, "store");
        this.hostProbe = Objects.requireNonNull(hostProbe, "hostProbe");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "libvirt " + uri));
        this.stats = new StatsSampling(uri, () -> connection, this::lostWhileSampling);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    public String uri() {
        return uri;
    }

    /** Connects in the background; progress and failure show up as the store's status. */
    public void open() {
        store.setStatus(uri, ConnectionStatus.CONNECTING);
        worker.execute(this::connect);
        long millis = recheckInterval.toMillis();
        if (checker != null) {
            checker.schedule(this::recheckOnSchedule, millis, TimeUnit.MILLISECONDS);
        }
        if (follower != null) {
            follower.scheduleWithFixedDelay(this::followAudit, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** The host as probed at the last successful connect, if connected once. */
    public Optional<HostContext> host() {
        return Optional.ofNullable(host);
    }

    /** Why the last connect or call failed, for the banner; empty after a successful connect. */
    public String lastError() {
        return lastError;
    }

    /** Reloads every domain from libvirt (F5), in the background. */
    public void refresh() {
        worker.execute(() -> {
            if (connection != null && connection.state() == ConnectionState.OPEN) {
                fullSync();
            }
        });
    }

    /**
     * Runs an action against the connection on its worker thread, then refreshes the domain.
     * Failures reach {@code onError} with their user message; the store shows the outcome.
     */
    public void perform(String uuid, Consumer<HypervisorConnection> action, Consumer<String> onError) {
        worker.execute(() -> {
            HypervisorConnection current = connection;
            if (current == null || current.state() != ConnectionState.OPEN) {
                onError.accept("Not connected to " + uri + ". Wait for the connection to come back, then try again.");
                return;
            }
            try {
                action.accept(current);
            } catch (HypervisorException e) {
                onError.accept(e.userMessage());
            } catch (RuntimeException e) {
                onError.accept(e.getMessage() == null ? e.toString() : e.getMessage());
            }
            if (uuid != null) {
                refreshDomain(uuid);
            }
        });
    }

    /** Called with connect failures, lost connections and failed refreshes (on the worker thread). */
    public AutoCloseable onError(Consumer<String> listener) {
        errorListeners.add(listener);
        return () -> errorListeners.remove(listener);
    }

    /**
     * Tells the session which of its domains (by UUID) the user can see now. From then on
     * statistics are sampled for those only, and not at all while the set is empty (a hidden or
     * minimised window); domains of a long list still waiting for inspection are inspected in this
     * order first. Called on the session's threads: the supplier must be thread-safe and cheap.
     */
    public void onScreen(Supplier<Set<String>> uuids) {
        stats.onScreen(uuids);
    }

    /**
     * Samples statistics of all running domains in one call per interval while at least one
     * listener is registered. Listeners run on the session's statistics thread, not on the worker
     * that refreshes domains; sampling stops when the session closes.
     */
    public AutoCloseable onStats(Duration interval, Consumer<List<DomainStats>> listener) {
        return stats.listen(interval, listener);
    }

    private void connect() {
        if (closed) {
            return;
        }
        try {
            HypervisorConnection opened = hypervisor.open(uri);
            connection = opened;
            host = hostProbe.apply(opened);
            // This session unsubscribes before it closes a connection itself, so CLOSED seen here means
            // something else closed it under the session: as good as lost, reconnect.
            stateSubscription = opened.onStateChange(state -> {
                if (state == ConnectionState.LOST || state == ConnectionState.CLOSED) {
                    worker.execute(() -> {
                        if (connection == opened) {
                            connectionLost();
                        }
                    });
                }
            });
            eventSubscription = opened.subscribe(this::onEvent);
            fullSync();
            lastError = "";
            nextRetry = FIRST_RETRY;
            store.setStatus(uri, ConnectionStatus.OPEN);
        } catch (HypervisorException e) {
            failed(e.userMessage());
        } catch (RuntimeException e) {
            failed("Could not connect to " + uri + ": " + e);
        }
    }

    private void failed(String message) {
        // Each retry against a daemon that is still away fails the same way: say it once.
        boolean news = !message.equals(lastError);
        lastError = message;
        LOG.log(Level.DEBUG, message);
        if (news) {
            errorListeners.forEach(listener -> listener.accept(message));
        }
        dropConnection();
        store.setStatus(uri, ConnectionStatus.LOST);
        scheduleReconnect();
    }

    private void connectionLost() {
        if (closed || connection == null) {
            return;
        }
        failed("Lost the connection to " + uri + ". Reconnecting automatically.");
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        HostContext known = host;
        Duration delay;
        if (known != null && known.info().local()) {
            delay = LOCAL_RETRY;
        } else {
            // Never connected (so not known to be this machine) or another host.
            delay = nextRetry;
            nextRetry = nextRetry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : nextRetry.multipliedBy(2);
        }
        worker.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Each VM's denial trail as last read from the host's audit log, from the first tick on; then
     * each change (new denials, a VM's new label, the log becoming unreadable or readable) on the
     * session's audit thread. Only what the log gained since the last tick is read.
     */
    public AutoCloseable onDenials(Consumer<DenialTrails> listener) {
        if (denials == null) {
            return () -> { };
        }
        return denials.subscribe(listener);
    }

    /** The trails as last worked out; empty without an audit source or before the first read. */
    public Optional<DenialTrails> denials() {
        return denials == null ? Optional.empty() : denials.latest();
    }

    /** On the audit thread: what the host's audit log gained since the last read. */
    private void followAudit() {
        HostContext known = host;
        HypervisorConnection current = connection;
        if (denials == null || closed || known == null || current == null
                || current.state() != ConnectionState.OPEN) {
            return;
        }
        try {
            denials.tick(known, store.domains(uri));
        } catch (RuntimeException e) {
            // An ssh that failed oddly, say: the next tick reads from the same offset again.
            LOG.log(Level.DEBUG, "following the audit log of " + uri + " failed", e);
        }
    }

    /**
     * Re-checks, then schedules the next one {@code interval} after this one started, with a
     * short pause at least: a re-check that takes a second (over ssh, say) does not stretch the
     * time until a change shows to the interval plus twice its own length.
     */
    private void recheckOnSchedule() {
        long started = System.nanoTime();
        try {
            recheckHost();
        } finally {
            long spent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            long next = Math.max(MIN_RECHECK_PAUSE.toMillis(), recheckInterval.toMillis() - spent);
            try {
                if (!closed) {
                    checker.schedule(this::recheckOnSchedule, next, TimeUnit.MILLISECONDS);
                }
            } catch (RejectedExecutionException closedMeanwhile) {
                // close() shut the checker down: no more re-checks.
            }
        }
    }

    /**
     * On the host-facts thread: re-reads the host's enforcement facts; when they changed, the
     * worker takes the new host and judges each domain again, unless it reconnected meanwhile.
     */
    private void recheckHost() {
        HostContext known = host;
        HypervisorConnection current = connection;
        if (closed || known == null || current == null || current.state() != ConnectionState.OPEN) {
            return;
        }
        HostContext fresh;
        try {
            fresh = recheck.recheck(known, Set.copyOf(contextByType.values()));
        } catch (RuntimeException e) {
            // The next tick tries again; a host that stays unreadable keeps its last known facts.
            LOG.log(Level.DEBUG, "re-reading the host's enforcement on " + uri + " failed", e);
            return;
        }
        if (fresh.sameEnforcement(known)) {
            return;
        }
        try {
            worker.execute(() -> {
                if (host == known && connection == current && !closed) {
                    host = fresh;
                    rejudgeAll();
                }
            });
        } catch (RejectedExecutionException closedMeanwhile) {
            // close() shut the worker down: nothing to update any more.
        }
    }

    /** Judges every domain's enforcement again under the new host facts; reads nothing from libvirt. */
    private void rejudgeAll() {
        HostContext context = host;
        store.replaceAll(uri, store.domains(uri).stream()
                .map(known -> compartments.marked(snapshots.rejudge(context, known))).toList());
    }

    /** Remembers the SELinux types the snapshot's domain runs under, for the next re-check. */
    private DomainSnapshot noteTypes(DomainSnapshot snapshot) {
        snapshot.security().process().flatMap(p -> p.selinuxContext()).ifPresent(this::noteType);
        if (snapshot.security().primaryModel().equals("selinux")) {
            snapshot.security().label().ifPresent(this::noteType);
        }
        return snapshot;
    }

    private void noteType(String context) {
        try {
            contextByType.putIfAbsent(SecurityContext.parse(context).type(), context);
        } catch (LabelFormatException notSelinux) {
            // An AppArmor or DAC label: no type to check.
        }
    }

    /**
     * Reads every domain. A short list is inspected before it is shown; a long one is shown from
     * the list call at once (name and state, labels "not checked yet") and inspected a chunk at a
     * time on the worker, rows on screen first, so events are served between chunks.
     */
    private void fullSync() {
        HostContext context = host;
        HypervisorConnection current = connection;
        long sync = ++syncGeneration;
        pending.clear();
        List<DomainListing> listed = current.listNames();
        if (listed.size() <= SHOW_BEFORE_INSPECTING) {
            List<DomainRecord> records = current.listDomains();
            List<DomainSnapshot> fresh = records.stream().map(record -> snapshots.snapshot(context, record))
                    .map(this::noteTypes).toList();
            compartments = new Compartments();
            fresh.forEach(compartments::update);
            store.replaceAll(uri, fresh.stream().map(compartments::marked).toList());
            return;
        }
        compartments = new Compartments();
        List<DomainSnapshot> shown = new ArrayList<>(listed.size());
        for (DomainListing listing : listed) {
            // A resync keeps what was inspected before until its domain's turn comes, so F5 blanks no label.
            Optional<DomainSnapshot> known = store.get(new DomainKey(uri, listing.uuid()))
                    .filter(DomainSnapshot::inspected);
            shown.add(known.orElseGet(() -> DomainSnapshot.listed(uri, listing, context.enforcement())));
            pending.add(listing.uuid());
        }
        store.replaceAll(uri, shown);
        worker.execute(() -> inspectPending(sync, current));
    }

    /** One chunk of the domains a long list showed uninspected; queues the next behind any events. */
    private void inspectPending(long sync, HypervisorConnection current) {
        if (closed || sync != syncGeneration || connection != current) {
            return;
        }
        List<String> chunk = new ArrayList<>(INSPECTION_CHUNK);
        Set<String> visible = stats.onScreenNow();
        if (visible != null) {
            for (String uuid : visible) {
                if (chunk.size() < INSPECTION_CHUNK && pending.contains(uuid)) {
                    chunk.add(uuid);
                }
            }
        }
        for (java.util.Iterator<String> it = pending.iterator(); it.hasNext() && chunk.size() < INSPECTION_CHUNK;) {
            String uuid = it.next();
            if (!chunk.contains(uuid)) {
                chunk.add(uuid);
            }
        }
        for (String uuid : chunk) {
            if (connection != current) {
                return; // lost meanwhile: the reconnect resyncs everything
            }
            refreshDomain(uuid);
        }
        if (!pending.isEmpty()) {
            worker.execute(() -> inspectPending(sync, current));
        }
    }

    private void onEvent(DomainEvent event) {
        // On libvirt's event-loop thread: only enqueue. Bursts for one domain collapse into one refresh.
        // Undefinitions go through the worker too: removing here could overtake a refresh that read
        // the domain just before it went, which would then bring the row back.
        if (closed) {
            return;
        }
        if (pendingRefresh.add(event.uuid())) {
            try {
                worker.execute(() -> {
                    pendingRefresh.remove(event.uuid());
                    refreshDomain(event.uuid());
                });
            } catch (RejectedExecutionException closedMeanwhile) {
                // An event that arrives while close() unsubscribes: the session no longer shows anything.
            }
        }
    }

    private void refreshDomain(String uuid) {
        HypervisorConnection current = connection;
        if (current == null) {
            return;
        }
        pending.remove(uuid);
        try {
            Optional<DomainRecord> record = current.domain(uuid);
            if (record.isPresent()) {
                DomainSnapshot fresh = noteTypes(snapshots.snapshot(host, record.get()));
                Set<String> touched = compartments.update(fresh);
                store.upsert(compartments.marked(fresh));
                remark(touched, uuid);
            } else {
                Set<String> touched = compartments.remove(uuid);
                store.remove(new DomainKey(uri, uuid));
                remark(touched, uuid);
            }
        } catch (DomainNotFoundException e) {
            // Undefined by another tool while being read: the refresh's answer is that it is gone.
            store.remove(new DomainKey(uri, uuid));
        } catch (HypervisorException e) {
            if (current.state() != ConnectionState.OPEN) {
                connectionLost();
            } else {
                errorListeners.forEach(listener -> listener.accept(e.userMessage()));
            }
        }
    }

    /** Shows the new sharers of the domains whose compartment changed with {@code changed}'s labels. */
    private void remark(Set<String> touched, String changed) {
        for (String other : touched) {
            if (!other.equals(changed)) {
                store.get(new DomainKey(uri, other)).map(compartments::marked)
                        .filter(marked -> store.get(marked.key()).map(s -> s != marked).orElse(false))
                        .ifPresent(store::upsert);
            }
        }
    }

    /** A statistics sample found {@code sampled} broken: handled on the worker, if still this session's. */
    private void lostWhileSampling(HypervisorConnection sampled) {
        try {
            worker.execute(() -> {
                if (connection == sampled) {
                    connectionLost();
                }
            });
        } catch (RejectedExecutionException closedMeanwhile) {
            // close() shut the worker down: nothing left to report to.
        }
    }

    private void dropConnection() {
        Subscriptions.end(eventSubscription);
        Subscriptions.end(stateSubscription);
        eventSubscription = null;
        stateSubscription = null;
        HypervisorConnection old = connection;
        connection = null;
        if (old != null) {
            try {
                old.close();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "closing a lost connection to " + uri + " failed", e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        stats.close();
        if (checker != null) {
            checker.shutdownNow();
        }
        if (follower != null) {
            follower.shutdownNow();
        }
        worker.execute(() -> {
            dropConnection();
            store.setStatus(uri, ConnectionStatus.CLOSED);
        });
        worker.shutdown();
    }
}
