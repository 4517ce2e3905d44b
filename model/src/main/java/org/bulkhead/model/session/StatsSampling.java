package org.bulkhead.model.session;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.bulkhead.model.hypervisor.ConnectionState;
import org.bulkhead.model.hypervisor.DomainStats;
import org.bulkhead.model.hypervisor.HypervisorConnection;

/**
 * A session's statistics: one batched sample per interval, on a thread of its own so a sample of
 * thousands of domains never holds up the refresh an event asked for; only the domains on screen
 * once a window says which, none while nothing is shown, and nothing while no one listens. It
 * reads the session's connection and never changes the session's state: a sample that finds the
 * connection broken hands it to {@code lost}, which the session checks on its own worker.
 */
final class StatsSampling {

    private static final Logger LOG = System.getLogger(StatsSampling.class.getName());

    private final String uri;
    private final Supplier<HypervisorConnection> connection;
    private final Consumer<HypervisorConnection> lost;
    private final ScheduledExecutorService sampler;
    private final List<Consumer<List<DomainStats>>> listeners = new CopyOnWriteArrayList<>();
    /** The domains the user can see; null until a window says, and then statistics cover every domain. */
    private volatile Supplier<Set<String>> onScreen;
    private ScheduledFuture<?> task;
    private volatile boolean closed;

    StatsSampling(String uri, Supplier<HypervisorConnection> connection, Consumer<HypervisorConnection> lost) {
        this.uri = uri;
        this.connection = connection;
        this.lost = lost;
        this.sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "libvirt stats " + uri);
            thread.setDaemon(true);
            return thread;
        });
    }

    void onScreen(Supplier<Set<String>> uuids) {
        onScreen = Objects.requireNonNull(uuids, "uuids");
    }

    /** The domains on screen now; null while no window said. */
    Set<String> onScreenNow() {
        Supplier<Set<String>> visible = onScreen;
        return visible == null ? null : visible.get();
    }

    synchronized AutoCloseable listen(Duration interval, Consumer<List<DomainStats>> listener) {
        listeners.add(listener);
        if (task == null && !closed) {
            long millis = interval.toMillis();
            task = sampler.scheduleWithFixedDelay(this::sample, 0, millis, TimeUnit.MILLISECONDS);
        }
        return () -> {
            synchronized (this) {
                listeners.remove(listener);
                if (listeners.isEmpty() && task != null) {
                    task.cancel(false);
                    task = null;
                }
            }
        };
    }

    /** On the statistics thread. */
    private void sample() {
        HypervisorConnection current = connection.get();
        if (closed || current == null || current.state() != ConnectionState.OPEN) {
            return;
        }
        Set<String> wanted = onScreenNow();
        if (wanted != null && wanted.isEmpty()) {
            return; // nothing on screen: no call at all
        }
        List<DomainStats> stats;
        try {
            stats = wanted == null ? current.sampleStats() : current.sampleStats(wanted);
        } catch (RuntimeException e) {
            // Not worth a dialog on its own. The session may have closed or replaced the connection
            // meanwhile; if it is still the session's connection and no longer open, the session
            // handles the loss (once: it is a no-op when the state listener got there first).
            LOG.log(Level.DEBUG, "statistics sample failed on " + uri, e);
            if (!closed && current.state() != ConnectionState.OPEN) {
                lost.accept(current);
            }
            return;
        }
        if (!closed) {
            listeners.forEach(listener -> listener.accept(stats));
        }
    }

    /** Stops sampling; a sample in flight finishes (the connection's close waits for it) and is dropped. */
    void close() {
        closed = true;
        synchronized (this) {
            if (task != null) {
                task.cancel(false);
                task = null;
            }
        }
        sampler.shutdown();
    }
}
