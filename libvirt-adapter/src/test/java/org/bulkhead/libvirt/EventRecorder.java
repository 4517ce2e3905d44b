package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bulkhead.model.hypervisor.DomainEvent;
import org.bulkhead.model.hypervisor.DomainEventListener;

/** Queues events as a well-behaved listener does, and lets a test wait for them. */
final class EventRecorder implements DomainEventListener {

    private final BlockingQueue<DomainEvent> queue = new LinkedBlockingQueue<>();
    private volatile Thread callbackThread;

    @Override
    public void onEvent(DomainEvent event) {
        callbackThread = Thread.currentThread();
        queue.add(event);
    }

    Thread callbackThread() {
        return callbackThread;
    }

    /**
     * Waits until the named domain reports {@code kind}; returns that domain's events up to and
     * including it (a real QEMU start, for one, also reports RESUMED as its CPUs begin to run).
     */
    List<DomainEvent> awaitKind(String domainName, DomainEvent.Kind kind, Duration timeout)
            throws InterruptedException {
        List<DomainEvent> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (found.isEmpty() || found.get(found.size() - 1).kind() != kind) {
            DomainEvent event = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                fail("waited " + timeout + " for " + kind + " of '" + domainName + "', got " + found);
            }
            if (event.name().equals(domainName)) {
                found.add(event);
            }
        }
        return found;
    }

    /** Whatever has arrived and not been awaited yet. */
    List<DomainEvent> drained() {
        List<DomainEvent> events = new ArrayList<>();
        queue.drainTo(events);
        return events;
    }

    /** Waits for {@code count} events of the named domain, ignoring other domains' events. */
    List<DomainEvent> await(String domainName, int count, Duration timeout) throws InterruptedException {
        List<DomainEvent> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (found.size() < count) {
            DomainEvent event = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                fail("waited " + timeout + " for " + count + " events of '" + domainName + "', got " + found);
            }
            if (event.name().equals(domainName)) {
                found.add(event);
            }
        }
        return found;
    }
}
