package org.bulkhead.model.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.bulkhead.model.hypervisor.ConnectionState;
import org.bulkhead.model.hypervisor.DomainEvent;
import org.bulkhead.model.hypervisor.DomainEventListener;
import org.bulkhead.model.hypervisor.DomainNotFoundException;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.hypervisor.DomainStats;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.hypervisor.StorageVolume;
import org.bulkhead.model.hypervisor.VolumeRequest;

/**
 * A hypervisor in memory whose daemon can be taken down and brought back, counting every call a
 * session makes so tests can tell event-driven refreshes from polling.
 */
public final class FakeHypervisor implements Hypervisor {

    static final String URI = "fake:///system";
    private static final String CAPABILITIES = "<capabilities><host><uuid>00000000-0000-0000-0000-000000000001</uuid>"
            + "<cpu><arch>x86_64</arch></cpu><secmodel><model>dac</model><doi>0</doi>"
            + "<baselabel type='qemu'>+64055:+64055</baselabel></secmodel></host></capabilities>";

    final Map<String, DomainRecord> domains = new ConcurrentHashMap<>();
    final AtomicInteger opens = new AtomicInteger();
    final AtomicInteger listCalls = new AtomicInteger();
    final AtomicInteger domainCalls = new AtomicInteger();
    final AtomicInteger statsCalls = new AtomicInteger();
    /** The domains each sample of chosen domains asked for, in order. */
    final List<Set<String>> sampledSets = new CopyOnWriteArrayList<>();
    /** While set and closed, a statistics sample blocks in {@code sampleStats} until it opens (a slow sample). */
    volatile CountDownLatch statsGate;
    /** The capabilities libvirt reports (a DAC-only host unless a test says otherwise). */
    volatile String capabilities = CAPABILITIES;
    /** Whether the fake host is this machine, as libvirt's host information says. */
    volatile boolean local = true;
    /** A domain that another tool undefines while the next read of it is under way. */
    volatile String undefinedWhileRead;
    private volatile boolean daemonUp = true;
    private volatile Connection current;

    static DomainRecord domain(String uuid, String name, DomainState state) {
        return new DomainRecord(uuid, name, state, "<domain type='qemu'><name>" + name + "</name><uuid>" + uuid
                + "</uuid><seclabel type='static' model='dac' relabel='yes'><label>+200001:+64055</label>"
                + "</seclabel></domain>");
    }

    @Override
    public HypervisorConnection open(String uri) {
        opens.incrementAndGet();
        if (!daemonUp) {
            throw new HypervisorException("Could not connect to " + uri + ": the daemon is down",
                    "Start libvirtd");
        }
        current = new Connection(uri);
        return current;
    }

    /** The daemon dies: the open connection goes LOST and new ones are refused. */
    void killDaemon() {
        daemonUp = false;
        Connection connection = current;
        if (connection != null) {
            connection.lose();
        }
    }

    void startDaemon() {
        daemonUp = true;
    }

    /** A lifecycle event on the open connection, as libvirt's event loop delivers it. */
    void emit(String uuid, DomainEvent.Kind kind) {
        current.listeners.forEach(listener -> listener.onEvent(new DomainEvent(URI, uuid, "", kind)));
    }

    final class Connection implements HypervisorConnection {
        private final String uri;
        private volatile ConnectionState state = ConnectionState.OPEN;
        final List<DomainEventListener> listeners = new CopyOnWriteArrayList<>();
        private final List<Consumer<ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();

        Connection(String uri) {
            this.uri = uri;
        }

        void lose() {
            state = ConnectionState.LOST;
            stateListeners.forEach(listener -> listener.accept(ConnectionState.LOST));
        }

        private void requireOpen() {
            if (state != ConnectionState.OPEN) {
                throw new HypervisorException("The connection to " + uri + " is lost", "Reconnect");
            }
        }

        @Override
        public String uri() {
            return uri;
        }

        @Override
        public HostInfo hostInfo() {
            return new HostInfo(uri, "fakehost", "QEMU", "9.0.0", "10.0.0", local);
        }

        @Override
        public String capabilitiesXml() {
            requireOpen();
            return capabilities;
        }

        @Override
        public List<DomainRecord> listDomains() {
            requireOpen();
            listCalls.incrementAndGet();
            return new ArrayList<>(domains.values());
        }

        @Override
        public Optional<DomainRecord> domain(String uuid) {
            requireOpen();
            domainCalls.incrementAndGet();
            if (uuid.equals(undefinedWhileRead)) {
                domains.remove(uuid);
                throw new DomainNotFoundException("Could not look up domain " + uuid + ": Domain not found",
                        "It may have been deleted by another tool; refresh the list", null);
            }
            return Optional.ofNullable(domains.get(uuid));
        }

        @Override
        public DomainRecord define(String xml) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void start(String uuid) {
            requireOpen();
            DomainRecord old = domains.get(uuid);
            domains.put(uuid, FakeHypervisor.domain(uuid, old.name(), DomainState.RUNNING));
        }

        @Override
        public void shutdown(String uuid) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void destroy(String uuid) {
            requireOpen();
            throw new HypervisorException("Could not force off " + uuid + ": it is not running", "Start it first");
        }

        @Override
        public void suspend(String uuid) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resume(String uuid) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void reboot(String uuid) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void undefine(String uuid, boolean removeStorage) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StorageVolume createVolume(VolumeRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteVolume(String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<DomainStats> sampleStats() {
            requireOpen();
            statsCalls.incrementAndGet();
            CountDownLatch gate = statsGate;
            if (gate != null) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return List.of();
        }

        @Override
        public List<DomainStats> sampleStats(Set<String> uuids) {
            sampledSets.add(Set.copyOf(uuids));
            return sampleStats();
        }

        @Override
        public AutoCloseable subscribe(DomainEventListener listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        @Override
        public ConnectionState state() {
            return state;
        }

        @Override
        public AutoCloseable onStateChange(Consumer<ConnectionState> listener) {
            stateListeners.add(listener);
            return () -> stateListeners.remove(listener);
        }

        @Override
        public void close() {
            state = ConnectionState.CLOSED;
        }
    }
}
