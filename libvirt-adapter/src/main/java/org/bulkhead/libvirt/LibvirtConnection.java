package org.bulkhead.libvirt;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.bulkhead.model.domain.DomainNames;
import org.bulkhead.model.hypervisor.ConnectionState;
import org.bulkhead.model.hypervisor.ConnectionUri;
import org.bulkhead.model.hypervisor.ConsoleStream;
import org.bulkhead.model.hypervisor.DomainEventListener;
import org.bulkhead.model.hypervisor.DomainListing;
import org.bulkhead.model.hypervisor.DeletedStorage;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainStats;
import org.bulkhead.model.hypervisor.HostCapacity;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.hypervisor.NetworkInfo;
import org.bulkhead.model.hypervisor.StoragePoolInfo;
import org.bulkhead.model.hypervisor.StorageVolume;
import org.bulkhead.model.hypervisor.VolumeRequest;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;
import org.libvirt.event.ConnectionCloseReason;

/**
 * A {@link HypervisorConnection} on one libvirt {@code virConnectPtr}.
 *
 * <p>Thread safety: every method may be called from any number of threads at once. libvirt
 * connections are thread-safe and the remote driver multiplexes concurrent calls; this class
 * adds a read-write lock so {@link #close()} waits for calls in flight and later calls fail
 * with a {@link HypervisorException} instead of touching freed memory. Event registration is
 * serialised because libvirt-java keeps its listeners in a plain HashMap. Event and state
 * listeners run on the {@code libvirt-events} thread (state changes noticed by a failing call
 * or by {@code close()} run on the calling thread) and must only translate and enqueue.
 *
 * <p>Why it is one class of this length: it is the port's whole surface (some thirty operations),
 * and each is a few lines that take the lifetime lock and hand over to the class that knows the
 * subject ({@link DomainRecords}, {@code PoolList}, {@code VolumeXml}, {@code StatsSampler},
 * {@link LifecycleEvents}, {@code GraphicsChannel}). What remains here is one idea, the
 * connection's lifetime (open, loss, close, the lock every call passes); split, that lock would
 * have to be shared between classes, which is where use-after-free bugs would come from.
 */
public final class LibvirtConnection implements HypervisorConnection {

    private static final System.Logger LOG = System.getLogger(LibvirtConnection.class.getName());

    /** Keepalive: a probe every 5 s, the connection is declared dead after 3 unanswered. */
    private static final int KEEPALIVE_INTERVAL_SECONDS = 5;
    private static final int KEEPALIVE_MISSED = 3;

    private final LibvirtConnect connect;
    private final ConnectionUri uri;
    private final String hypervisorType;
    private final boolean local;
    private final DomainRecords records;
    private final LifecycleEvents events;
    private final Object eventRegistration = new Object();
    private final ReentrantReadWriteLock lifetime = new ReentrantReadWriteLock();
    private final AtomicReference<ConnectionState> state = new AtomicReference<>(ConnectionState.OPEN);
    private final List<Consumer<ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();

    private LibvirtConnection(LibvirtConnect connect, ConnectionUri uri, String hypervisorType, boolean local) {
        this.connect = connect;
        this.uri = uri;
        this.hypervisorType = hypervisorType;
        this.local = local;
        this.records = new DomainRecords(local && "QEMU".equalsIgnoreCase(hypervisorType)
                && uri.path().equals("/system"));
        this.events = new LifecycleEvents(uri.text());
    }

    /** Opens and starts watching the connection; the event loop must already run. */
    static LibvirtConnection open(ConnectionUri uri) {
        LibvirtConnect connect;
        try {
            connect = new LibvirtConnect(uri.text());
        } catch (LibvirtException e) {
            throw Failures.open(uri, e);
        }
        try {
            if (connect.nativePointer() == null) {
                throw new HypervisorException("Could not connect to " + uri.text() + ": libvirt gave no reason",
                        "Check the URI and that libvirtd is running");
            }
            LibvirtConnection connection = new LibvirtConnection(connect, uri, connect.getType(),
                    isThisMachine(uri, connect));
            connection.watchForLoss();
            return connection;
        } catch (LibvirtException | RuntimeException e) {
            closeQuietly(connect);
            throw e instanceof LibvirtException libvirt ? Failures.open(uri, libvirt) : (RuntimeException) e;
        }
    }

    /**
     * A URI without a host is this machine. A loopback host usually is too, but a port forwarded
     * into a VM (a test lab, for instance) is not: there the daemon's host name tells them apart,
     * so Bulkhead never reads this machine's files or processes for another host's domains.
     */
    private static boolean isThisMachine(ConnectionUri uri, LibvirtConnect connect) throws LibvirtException {
        if (uri.host().isEmpty()) {
            return true;
        }
        if (!uri.mayBeThisMachine()) {
            return false;
        }
        return shortName(connect.getHostName()).equals(shortName(thisHostName()));
    }

    private static String thisHostName() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String shortName(String hostName) {
        int dot = hostName.indexOf('.');
        return (dot < 0 ? hostName : hostName.substring(0, dot)).toLowerCase(java.util.Locale.ROOT);
    }

    private void watchForLoss() throws LibvirtException {
        try {
            connect.setKeepAlive(KEEPALIVE_INTERVAL_SECONDS, KEEPALIVE_MISSED);
        } catch (LibvirtException e) {
            // In-process drivers (test:///) have no daemon to lose and do not support keepalive.
            if (Failures.code(e) != ErrorNumber.VIR_ERR_NO_SUPPORT) {
                throw e;
            }
        }
        connect.registerCloseListener((closed, reason) -> {
            if (reason != ConnectionCloseReason.CLIENT) {
                markLost();
            }
        });
    }

    @Override
    public String uri() {
        return uri.text();
    }

    @Override
    public HostInfo hostInfo() {
        return call("read the host information of " + uri.text(), c -> new HostInfo(uri.text(),
                c.getHostName(), hypervisorType, version(c.getVersion()), version(c.getLibVersion()),
                local));
    }

    @Override
    public Optional<HostCapacity> hostCapacity() {
        return call("read the memory and CPUs of " + uri.text(), c -> {
            NodeInfo node = c.nodeInfo();
            // libvirt gives the memory in KiB
            return node.memory > 0 && node.cpus > 0
                    ? Optional.of(new HostCapacity(node.memory * 1024, node.cpus)) : Optional.empty();
        });
    }

    @Override
    public String capabilitiesXml() {
        return call("read the capabilities of " + uri.text(), LibvirtConnect::getCapabilities);
    }

    @Override
    public List<DomainRecord> listDomains() {
        return call("list the domains on " + uri.text(), records::list);
    }

    @Override
    public List<DomainListing> listNames() {
        return call("list the domains on " + uri.text(), records::listNames);
    }

    @Override
    public Optional<DomainRecord> domain(String uuid) {
        return call("look up domain " + uuid, c -> records.find(c, uuid));
    }

    @Override
    public DomainRecord define(String xml) {
        Objects.requireNonNull(xml, "xml");
        String subject = DomainNames.inXml(xml).map(name -> "'" + name + "'").orElse("from the given XML");
        return call("define domain " + subject, c -> {
            Domain domain = c.domainDefineXML(xml);
            try {
                return records.of(domain, Map.of());
            } finally {
                Handles.free(domain);
            }
        });
    }

    @Override
    public DomainRecord createTransient(String xml, boolean autoDestroy) {
        Objects.requireNonNull(xml, "xml");
        String subject = DomainNames.inXml(xml).map(name -> "'" + name + "'").orElse("from the given XML");
        return call("start the transient domain " + subject, c -> {
            // VIR_DOMAIN_START_AUTODESTROY: the daemon destroys it when this connection closes.
            Domain domain = c.domainCreateXML(xml, autoDestroy ? 2 : 0);
            try {
                return records.of(domain, Map.of());
            } finally {
                Handles.free(domain);
            }
        });
    }

    @Override
    public StorageVolume createOverlay(String name, String backingPath, int mode) {
        return call("create the overlay '" + name + "' on " + backingPath,
                c -> PoolStorage.overlay(c, name, backingPath, mode));
    }

    @Override
    public void start(String uuid) {
        onDomain(uuid, "start", (c, domain, name) -> domain.create());
    }

    @Override
    public void shutdown(String uuid) {
        onDomain(uuid, "shut down", (c, domain, name) -> {
            domain.shutdown();
            return null;
        });
    }

    @Override
    public void destroy(String uuid) {
        onDomain(uuid, "force off", (c, domain, name) -> {
            domain.destroy();
            return null;
        });
    }

    @Override
    public void suspend(String uuid) {
        onDomain(uuid, "pause", (c, domain, name) -> {
            domain.suspend();
            return null;
        });
    }

    @Override
    public void resume(String uuid) {
        onDomain(uuid, "resume", (c, domain, name) -> {
            domain.resume();
            return null;
        });
    }

    @Override
    public void reboot(String uuid) {
        onDomain(uuid, "reboot", (c, domain, name) -> {
            domain.reboot(0);
            return null;
        });
    }

    @Override
    public void undefine(String uuid, boolean removeStorage) {
        onDomain(uuid, "delete", (c, domain, name) -> Undefinition.run(c, domain, name, removeStorage));
    }

    @Override
    public DeletedStorage undefineWithStorage(String uuid) {
        return onDomain(uuid, "delete", Undefinition::withStorage);
    }

    @Override
    public StorageVolume createVolume(VolumeRequest request) {
        String xml = VolumeXml.of(request);
        return call("create volume '" + request.name() + "' in pool '" + request.pool() + "'",
                c -> PoolStorage.create(c, request, xml));
    }

    @Override
    public List<StoragePoolInfo> storagePools() {
        return call("list the storage pools of " + uri.text(), PoolList::list);
    }

    @Override
    public void createDirPool(String name, String targetPath) {
        call("create the storage pool '" + name + "' in " + targetPath, c -> {
            HostResources.createDirPool(c, name, targetPath);
            return null;
        });
    }

    @Override
    public void removePool(String name) {
        call("remove the storage pool '" + name + "'", c -> {
            HostResources.removePool(c, name);
            return null;
        });
    }

    @Override
    public List<NetworkInfo> networks() {
        return call("list the networks of " + uri.text(), HostResources::networks);
    }

    @Override
    public void startNetwork(String name) {
        call("start the network '" + name + "'", c -> {
            HostResources.startNetwork(c, name);
            return null;
        });
    }

    @Override
    public void stopNetwork(String name) {
        call("stop the network '" + name + "'", c -> {
            HostResources.stopNetwork(c, name);
            return null;
        });
    }

    @Override
    public void deleteVolume(String path) {
        call("delete volume " + path, c -> {
            PoolStorage.delete(c, path);
            return null;
        });
    }

    @Override
    public ConsoleStream openGraphics(String uuid, int index) {
        if (!local) {
            return HypervisorConnection.super.openGraphics(uuid, index);
        }
        return call("open the graphical console of domain " + uuid,
                c -> GraphicsChannel.open(c.nativePointer(), uuid, index));
    }

    @Override
    public Optional<String> graphicsPassword(String uuid, int index) {
        return onDomain(uuid, "read the console password of", (c, domain, name) ->
                GraphicsChannel.password(domain.getXMLDesc(Domain.XMLFlags.SECURE), index));
    }

    @Override
    public List<DomainStats> sampleStats() {
        return call("sample domain statistics on " + uri.text(), StatsSampler::sample);
    }

    @Override
    public List<DomainStats> sampleStats(Set<String> uuids) {
        if (uuids.isEmpty()) {
            return List.of();
        }
        return call("sample domain statistics on " + uri.text(), c -> StatsSampler.sample(c, uuids));
    }

    @Override
    public AutoCloseable subscribe(DomainEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        call("subscribe to domain events on " + uri.text(), c -> {
            synchronized (eventRegistration) {
                events.add(c, listener);
            }
            return null;
        });
        return () -> unsubscribe(listener);
    }

    private void unsubscribe(DomainEventListener listener) {
        lifetime.readLock().lock();
        try {
            if (state.get() == ConnectionState.CLOSED) {
                return; // close() dropped every registration already
            }
            synchronized (eventRegistration) {
                events.remove(connect, listener);
            }
        } catch (LibvirtException e) {
            if (!noticeLoss()) {
                throw Failures.operation("unsubscribe from domain events on " + uri.text(), e, false);
            }
            // A lost connection takes its registrations with it; nothing is left to undo.
        } finally {
            lifetime.readLock().unlock();
        }
    }

    @Override
    public ConnectionState state() {
        return state.get();
    }

    @Override
    public AutoCloseable onStateChange(Consumer<ConnectionState> listener) {
        Objects.requireNonNull(listener, "listener");
        stateListeners.add(listener);
        return () -> stateListeners.remove(listener);
    }

    @Override
    public void close() {
        lifetime.writeLock().lock();
        try {
            if (state.getAndSet(ConnectionState.CLOSED) == ConnectionState.CLOSED) {
                return;
            }
            synchronized (eventRegistration) {
                events.removeAll(connect);
            }
        } catch (LibvirtException e) {
            LOG.log(Level.DEBUG, "event deregistration failed while closing " + uri.text(), e);
        } finally {
            try {
                connect.unregisterCloseListener();
            } catch (LibvirtException e) {
                LOG.log(Level.DEBUG, "close-callback deregistration failed while closing " + uri.text(), e);
            }
            closeQuietly(connect);
            lifetime.writeLock().unlock();
        }
        notifyState(ConnectionState.CLOSED);
        stateListeners.clear();
    }

    /** Runs a libvirt call under the read lock, translating its failure for the user. */
    private <T> T call(String action, LibvirtCall<T> call) {
        lifetime.readLock().lock();
        try {
            if (state.get() == ConnectionState.CLOSED) {
                throw Failures.closed(action, uri.text());
            }
            return call.run(connect);
        } catch (LibvirtException | NativeCallException e) {
            throw Failures.operation(action, e, noticeLoss());
        } finally {
            lifetime.readLock().unlock();
        }
    }

    /** Looks up the domain, names it in any failure message and frees its handle. */
    private <T> T onDomain(String uuid, String verb, DomainCall<T> call) {
        return call(verb + " domain " + uuid, c -> {
            Domain domain = c.domainLookupByUUIDString(uuid);
            try {
                String name = domain.getName();
                try {
                    return call.run(c, domain, name);
                } catch (LibvirtException e) {
                    throw Failures.operation(verb + " domain '" + name + "'", e, noticeLoss());
                }
            } finally {
                Handles.free(domain);
            }
        });
    }

    /** After a failed call: whether the connection is gone (then it is marked LOST). */
    private boolean noticeLoss() {
        if (state.get() == ConnectionState.LOST) {
            return true;
        }
        boolean alive;
        try {
            alive = connect.isAlive();
        } catch (LibvirtException e) {
            alive = false;
        }
        if (!alive) {
            markLost();
        }
        return !alive;
    }

    private void markLost() {
        if (state.compareAndSet(ConnectionState.OPEN, ConnectionState.LOST)) {
            LOG.log(Level.INFO, "connection to " + uri.text() + " lost");
            notifyState(ConnectionState.LOST);
        }
    }

    private void notifyState(ConnectionState newState) {
        for (Consumer<ConnectionState> listener : stateListeners) {
            try {
                listener.accept(newState);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "a connection state listener failed on " + newState, e);
            }
        }
    }

    private static void closeQuietly(LibvirtConnect connect) {
        try {
            connect.close();
        } catch (LibvirtException e) {
            // Closing a dead connection reports the death again; the handle is released anyway.
            LOG.log(Level.DEBUG, "libvirt reported an error while closing a connection", e);
        }
    }

    /** libvirt's packed version number (major * 1,000,000 + minor * 1,000 + micro). */
    static String version(long packed) {
        return (packed / 1_000_000) + "." + (packed / 1_000 % 1_000) + "." + (packed % 1_000);
    }

    @FunctionalInterface
    private interface LibvirtCall<T> {
        T run(LibvirtConnect connect) throws LibvirtException, NativeCallException;
    }

    @FunctionalInterface
    private interface DomainCall<T> {
        T run(LibvirtConnect connect, Domain domain, String name) throws LibvirtException;
    }
}
