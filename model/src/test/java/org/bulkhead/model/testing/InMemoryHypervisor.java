package org.bulkhead.model.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.bulkhead.model.domain.Disk;
import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.hypervisor.ConnectionState;
import org.bulkhead.model.hypervisor.DeletedStorage;
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
import org.bulkhead.model.hypervisor.StoragePoolInfo;
import org.bulkhead.model.hypervisor.StorageVolume;
import org.bulkhead.model.hypervisor.VolumeRequest;

/**
 * A hypervisor held in memory for tests: domains, volumes in one pool, lifecycle events, and a
 * daemon that can be taken down and brought back. It behaves as libvirt does where tests look
 * (forcing off a stopped domain fails; undefining a running one leaves it running). To make
 * calls fail, wait or count, wrap it in a {@link ScriptedHypervisor}.
 */
public final class InMemoryHypervisor implements Hypervisor {

    public static final String URI = "fake:///system";
    /** The pool every volume goes into, and the directory it keeps them in. */
    public static final String POOL = "default";
    public static final String POOL_DIR = "/pool";
    /** A DAC-only host, as libvirt on a machine without SELinux or AppArmor reports it. */
    public static final String DAC_CAPABILITIES = "<capabilities><host><uuid>00000000-0000-0000-0000-000000000001</uuid>"
            + "<cpu><arch>x86_64</arch></cpu><secmodel><model>dac</model><doi>0</doi>"
            + "<baselabel type='qemu'>+64055:+64055</baselabel></secmodel></host></capabilities>";
    private static final String DAC_SECLABEL =
            "<seclabel type='static' model='dac' relabel='yes'><label>+200001:+64055</label></seclabel>";

    private final Map<String, DomainRecord> domains = new ConcurrentHashMap<>();
    private final Map<String, VolumeRequest> volumes = new ConcurrentHashMap<>();
    private final List<Set<String>> sampledSets = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch statsGate;
    private volatile String capabilities = DAC_CAPABILITIES;
    private volatile boolean local = true;
    private volatile String undefinedWhileRead;
    private volatile boolean daemonUp = true;
    private volatile Connection current;

    /** A domain with a static DAC label, as another tool would have defined it. */
    public static DomainRecord domain(String uuid, String name, DomainState state) {
        return domain(uuid, name, state, DAC_SECLABEL);
    }

    /** A domain with the given {@code <seclabel>} element(s). */
    public static DomainRecord domain(String uuid, String name, DomainState state, String seclabels) {
        return new DomainRecord(uuid, name, state, "<domain type='qemu'><name>" + name + "</name><uuid>" + uuid
                + "</uuid><devices/>" + seclabels + "</domain>");
    }

    @Override
    public HypervisorConnection open(String uri) {
        if (!daemonUp) {
            throw new HypervisorException("Could not connect to " + uri + ": the daemon is down", "Start libvirtd");
        }
        Connection connection = new Connection(uri);
        current = connection;
        return connection;
    }

    /** A connection on {@link #URI}, for tests that need no hypervisor to open it. */
    public HypervisorConnection connection() {
        return open(URI);
    }

    /** Every domain the host holds, by UUID: a live map a test may read and change. */
    public Map<String, DomainRecord> domains() {
        return domains;
    }

    /** Defines (or replaces) a domain behind Bulkhead's back, as another tool would. */
    public void put(DomainRecord record) {
        domains.put(record.uuid(), record);
    }

    /** Every volume created and not deleted, by path. */
    public Map<String, VolumeRequest> volumes() {
        return volumes;
    }

    /** The capabilities libvirt reports; a DAC-only host unless a test says otherwise. */
    public void capabilities(String xml) {
        capabilities = xml;
    }

    /** Whether the host is this machine, as libvirt's host information says. */
    public void local(boolean isLocal) {
        local = isLocal;
    }

    /** Another tool undefines this domain while the next read of it is under way. */
    public void undefineWhileRead(String uuid) {
        undefinedWhileRead = uuid;
    }

    /** While the gate is closed, a statistics sample waits in {@code sampleStats} (a slow sample). */
    public void gateStats(CountDownLatch gate) {
        statsGate = gate;
    }

    /** The domains each sample of chosen domains asked for, in order. */
    public List<Set<String>> sampledSets() {
        return sampledSets;
    }

    /** The daemon dies: the open connection goes LOST and new ones are refused. */
    public void killDaemon() {
        daemonUp = false;
        Connection connection = current;
        if (connection != null) {
            connection.lose();
        }
    }

    public void startDaemon() {
        daemonUp = true;
    }

    /** A lifecycle event on the latest connection, as libvirt's event loop delivers it. */
    public void emit(String uuid, DomainEvent.Kind kind) {
        Connection connection = current;
        connection.listeners.forEach(listener -> listener.onEvent(new DomainEvent(connection.uri, uuid, "", kind)));
    }

    private final class Connection implements HypervisorConnection {
        private final String uri;
        private volatile ConnectionState state = ConnectionState.OPEN;
        private final List<DomainEventListener> listeners = new CopyOnWriteArrayList<>();
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
                throw new HypervisorException("The connection to " + uri + " is " + state.name().toLowerCase(),
                        "Reconnect");
            }
        }

        private DomainRecord existing(String uuid) {
            DomainRecord record = domains.get(uuid);
            if (record == null) {
                throw new DomainNotFoundException("Could not look up domain " + uuid + ": Domain not found",
                        "It may have been deleted by another tool; refresh the list", null);
            }
            return record;
        }

        private void setState(String uuid, DomainState newState) {
            DomainRecord record = existing(uuid);
            domains.put(uuid, new DomainRecord(uuid, record.name(), newState, record.xml()));
        }

        private void requireRunning(String uuid, String operation) {
            if (!existing(uuid).state().isActive()) {
                throw new HypervisorException("Could not " + operation + " " + uuid + ": it is not running",
                        "Start it first");
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
            return new ArrayList<>(domains.values());
        }

        @Override
        public Optional<DomainRecord> domain(String uuid) {
            requireOpen();
            if (uuid.equals(undefinedWhileRead)) {
                domains.remove(uuid);
                existing(uuid);
            }
            return Optional.ofNullable(domains.get(uuid));
        }

        @Override
        public DomainRecord define(String xml) {
            requireOpen();
            DomainSpec spec = DomainXml.parse(xml);
            DomainRecord record = new DomainRecord(spec.uuid(), spec.name(), DomainState.SHUT_OFF, xml);
            domains.put(spec.uuid(), record);
            return record;
        }

        @Override
        public void start(String uuid) {
            requireOpen();
            setState(uuid, DomainState.RUNNING);
        }

        @Override
        public void shutdown(String uuid) {
            requireOpen();
            requireRunning(uuid, "shut down");
            setState(uuid, DomainState.SHUT_OFF);
        }

        @Override
        public void destroy(String uuid) {
            requireOpen();
            requireRunning(uuid, "force off");
            setState(uuid, DomainState.SHUT_OFF);
        }

        @Override
        public void suspend(String uuid) {
            requireOpen();
            requireRunning(uuid, "pause");
            setState(uuid, DomainState.PAUSED);
        }

        @Override
        public void resume(String uuid) {
            requireOpen();
            setState(uuid, DomainState.RUNNING);
        }

        @Override
        public void reboot(String uuid) {
            requireOpen();
            requireRunning(uuid, "reboot");
        }

        @Override
        public void undefine(String uuid, boolean removeStorage) {
            requireOpen();
            DomainRecord record = domains.get(uuid);
            if (record != null && record.state().isActive()) {
                return; // like libvirt: undefining a running domain leaves it running, transient
            }
            domains.remove(uuid);
        }

        @Override
        public DeletedStorage undefineWithStorage(String uuid) {
            requireOpen();
            DomainRecord record = existing(uuid);
            if (record.state().isActive()) {
                throw new HypervisorException("Could not delete domain '" + record.name()
                        + "' with its storage: it is still running", "Shut it down or force it off first");
            }
            List<String> deleted = new ArrayList<>();
            List<DeletedStorage.Kept> kept = new ArrayList<>();
            DomainXml.parse(record.xml()).disks().stream().filter(Disk::belongsToDomainAlone)
                    .flatMap(disk -> disk.path().stream()).forEach(path -> {
                        if (volumes.remove(path) != null) {
                            deleted.add(path);
                        } else {
                            kept.add(new DeletedStorage.Kept(path, DeletedStorage.NOT_IN_A_POOL));
                        }
                    });
            domains.remove(uuid);
            return new DeletedStorage(deleted, kept);
        }

        @Override
        public StorageVolume createVolume(VolumeRequest request) {
            requireOpen();
            String path = POOL_DIR + "/" + request.name();
            volumes.put(path, request);
            return new StorageVolume(request.pool(), request.name(), path, request.capacityBytes(), request.format());
        }

        @Override
        public List<StoragePoolInfo> storagePools() {
            return List.of(new StoragePoolInfo(POOL, "dir", Optional.of(POOL_DIR), true));
        }

        @Override
        public void deleteVolume(String path) {
            requireOpen();
            volumes.remove(path);
        }

        @Override
        public List<DomainStats> sampleStats() {
            requireOpen();
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
