package org.bulkhead.bench.window;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.bulkhead.model.hypervisor.ConnectionState;
import org.bulkhead.model.hypervisor.DomainEventListener;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainStats;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.StorageVolume;
import org.bulkhead.model.hypervisor.VolumeRequest;

/**
 * The real hypervisor, handing the benchmark the connection the window opened. A test:/// node
 * file is private to the connection that loaded it, so lifecycle events that the window should
 * see must be caused through that very connection. Also times libvirt's own list call, the
 * floor under "launch to populated window".
 */
final class ObservedHypervisor implements Hypervisor {

    private final Hypervisor real;
    private final CompletableFuture<HypervisorConnection> first = new CompletableFuture<>();
    private final AtomicLong lastListNanos = new AtomicLong(-1);
    private final AtomicLong lastSampleNanos = new AtomicLong(-1);
    /** Start and end of recent statistics samples, to tell events that waited behind one. */
    private final java.util.concurrent.ConcurrentLinkedDeque<long[]> samples = new java.util.concurrent.ConcurrentLinkedDeque<>();

    ObservedHypervisor(Hypervisor real) {
        this.real = real;
    }

    @Override
    public HypervisorConnection open(String uri) {
        HypervisorConnection opened = new Timed(real.open(uri));
        first.complete(opened);
        return opened;
    }

    /** The first connection opened, once the window opened it. */
    CompletableFuture<HypervisorConnection> connection() {
        return first;
    }

    /** How long the latest {@code listDomains} took, or -1. */
    long lastListNanos() {
        return lastListNanos.get();
    }

    /** How long the latest batched statistics sample took, or -1. */
    long lastSampleNanos() {
        return lastSampleNanos.get();
    }

    /** Whether a statistics sample ran at any time between the two {@code System.nanoTime} values. */
    boolean sampledDuring(long from, long to) {
        for (long[] sample : samples) {
            if (sample[0] < to && sample[1] > from) {
                return true;
            }
        }
        return false;
    }

    private final class Timed implements HypervisorConnection {
        private final HypervisorConnection delegate;

        Timed(HypervisorConnection delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<DomainRecord> listDomains() {
            long start = System.nanoTime();
            List<DomainRecord> records = delegate.listDomains();
            lastListNanos.set(System.nanoTime() - start);
            return records;
        }

        @Override
        public List<DomainStats> sampleStats() {
            long start = System.nanoTime();
            try {
                return delegate.sampleStats();
            } finally {
                long end = System.nanoTime();
                lastSampleNanos.set(end - start);
                samples.addLast(new long[] {start, end});
                while (samples.size() > 64) {
                    samples.pollFirst();
                }
            }
        }

        @Override
        public String uri() {
            return delegate.uri();
        }

        @Override
        public HostInfo hostInfo() {
            return delegate.hostInfo();
        }

        @Override
        public String capabilitiesXml() {
            return delegate.capabilitiesXml();
        }

        @Override
        public Optional<DomainRecord> domain(String uuid) {
            return delegate.domain(uuid);
        }

        @Override
        public DomainRecord define(String xml) {
            return delegate.define(xml);
        }

        @Override
        public void start(String uuid) {
            delegate.start(uuid);
        }

        @Override
        public void shutdown(String uuid) {
            delegate.shutdown(uuid);
        }

        @Override
        public void destroy(String uuid) {
            delegate.destroy(uuid);
        }

        @Override
        public void suspend(String uuid) {
            delegate.suspend(uuid);
        }

        @Override
        public void resume(String uuid) {
            delegate.resume(uuid);
        }

        @Override
        public void reboot(String uuid) {
            delegate.reboot(uuid);
        }

        @Override
        public void undefine(String uuid, boolean removeStorage) {
            delegate.undefine(uuid, removeStorage);
        }

        @Override
        public org.bulkhead.model.hypervisor.DeletedStorage undefineWithStorage(String uuid) {
            return delegate.undefineWithStorage(uuid);
        }

        @Override
        public StorageVolume createVolume(VolumeRequest request) {
            return delegate.createVolume(request);
        }

        @Override
        public void deleteVolume(String path) {
            delegate.deleteVolume(path);
        }

        @Override
        public AutoCloseable subscribe(DomainEventListener listener) {
            return delegate.subscribe(listener);
        }

        @Override
        public ConnectionState state() {
            return delegate.state();
        }

        @Override
        public AutoCloseable onStateChange(Consumer<ConnectionState> listener) {
            return delegate.onStateChange(listener);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
