package org.bulkhead.model.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.bulkhead.model.audit.AuditFollower;
import org.bulkhead.model.audit.DenialTrails;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.store.DomainSnapshot;
import org.bulkhead.model.store.References;

/**
 * One connection's denial trails, kept current: each tick reads only what the host's audit log
 * gained, and the trails are worked out again only when there were new denials or a VM's label
 * changed (a VM started under a new MCS pair). Runs on the session's audit thread.
 */
final class DenialFeed {

    /** Denials kept per host; a window shows the recent past, the log itself keeps the rest. */
    static final int KEEP = 10_000;

    private final AuditSource source;
    private final AuditFollower follower = new AuditFollower(KEEP);
    private final List<Consumer<DenialTrails>> listeners = new CopyOnWriteArrayList<>();
    private List<DomainSnapshot> lastDomains = List.of();
    private List<DenialTrails.Vm> lastVms;
    private volatile DenialTrails latest;

    DenialFeed(AuditSource source) {
        this.source = source;
    }

    void tick(HostContext host, List<DomainSnapshot> domains) {
        boolean read = follower.poll(offset -> source.read(host, offset));
        // The store hands out the very same snapshots until a domain changes: an idle tick is one
        // look at each reference, not thousands of lists built to find nothing new.
        if (!read && lastVms != null && References.sameElements(domains, lastDomains)) {
            return;
        }
        lastDomains = domains;
        List<DenialTrails.Vm> vms = domains.stream()
                .map(d -> new DenialTrails.Vm(d.name(), d.security().label(), d.security().imageLabel(),
                        d.spec().disks().stream().flatMap(disk -> disk.path().stream()).toList())).toList();
        if (!read && vms.equals(lastVms)) {
            return;
        }
        lastVms = vms;
        publish(follower.trails(vms));
    }

    // Publishing and subscribing exclude each other, so a new listener never gets an older set last.
    private synchronized void publish(DenialTrails trails) {
        latest = trails;
        listeners.forEach(listener -> listener.accept(trails));
    }

    /** The trails as last worked out; empty before the first tick. */
    Optional<DenialTrails> latest() {
        return Optional.ofNullable(latest);
    }

    /** Calls {@code listener} with each new set of trails (on the session's audit thread), the current one first. */
    synchronized AutoCloseable subscribe(Consumer<DenialTrails> listener) {
        listeners.add(listener);
        DenialTrails now = latest;
        if (now != null) {
            listener.accept(now);
        }
        return () -> listeners.remove(listener);
    }
}
