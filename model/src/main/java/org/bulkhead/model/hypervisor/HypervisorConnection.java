package org.bulkhead.model.hypervisor;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One open connection to a hypervisor. Every method may block on the network or the daemon:
 * call it from a background thread, never the UI thread. Domains are named by UUID.
 * Failures throw {@link HypervisorException} with a message fit for a user.
 */
public interface HypervisorConnection extends AutoCloseable {

    String uri();

    HostInfo hostInfo();

    /**
     * The host's memory and CPUs (libvirt's node info), for keeping a new VM within them. The
     * default knows nothing, so no limit is applied.
     */
    default Optional<HostCapacity> hostCapacity() {
        return Optional.empty();
    }

    /** The host's capabilities XML, parsed for what Bulkhead uses. */
    String capabilitiesXml();

    /** Every domain, running or only defined, with its current (live when running) XML. */
    List<DomainRecord> listDomains();

    /**
     * Every domain's identity and state, without reading its XML: one batched call where the
     * adapter has one. The default takes them from {@link #listDomains()}.
     */
    default List<DomainListing> listNames() {
        return listDomains().stream().map(DomainListing::of).toList();
    }

    Optional<DomainRecord> domain(String uuid);

    /** Defines (or redefines) a persistent domain and returns it as now defined. */
    DomainRecord define(String xml);

    void start(String uuid);

    /**
     * Creates and starts a transient domain ({@code virDomainCreateXML}): it exists only while it
     * runs. With {@code autoDestroy} the daemon destroys it when this connection closes, so a
     * client that dies leaves no running domain. The default refuses.
     */
    default DomainRecord createTransient(String xml, boolean autoDestroy) {
        throw new HypervisorException("Could not start a transient VM on " + uri(),
                "This connection cannot create transient domains");
    }

    /**
     * Creates a qcow2 volume in the pool of the volume at {@code backingPath}, backed by it and of
     * its size, with permission bits {@code mode}. The default refuses.
     */
    default StorageVolume createOverlay(String name, String backingPath, int mode) {
        throw new HypervisorException("Could not create an overlay of " + backingPath + " on " + uri(),
                "This connection does not manage storage volumes");
    }

    /** Asks the guest to shut down (ACPI); returns without waiting for it. */
    void shutdown(String uuid);

    /** Stops the domain at once, like pulling the plug. */
    void destroy(String uuid);

    void suspend(String uuid);

    void resume(String uuid);

    void reboot(String uuid);

    /**
     * Removes the domain's definition. With {@code removeStorage}, also deletes the volumes of
     * its read-write disks that belong to a storage pool.
     */
    void undefine(String uuid, boolean removeStorage);

    /**
     * Removes a stopped domain's definition and deletes the images of its own read-write disks
     * that a storage pool holds; says which files were deleted and which were kept, and why. The
     * domain is gone even when some file is kept. The default refuses.
     */
    default DeletedStorage undefineWithStorage(String uuid) {
        throw new HypervisorException("Could not delete domain " + uuid + " with its storage on " + uri(),
                "This connection does not manage storage volumes; delete the domain alone, then its files by hand");
    }

    StorageVolume createVolume(VolumeRequest request);

    /**
     * Every storage pool, active or not, for choosing where a new volume goes. The default
     * refuses, for connections that cannot list pools.
     */
    default List<StoragePoolInfo> storagePools() {
        throw new HypervisorException("Could not list the storage pools of " + uri(),
                "This connection does not list storage pools; import an existing image instead");
    }

    /** Deletes the pool volume at this path. */
    void deleteVolume(String path);

    /**
     * Defines a directory pool at {@code targetPath}, creates the directory if needed, starts the
     * pool and marks it to start with the daemon. The default refuses.
     */
    default void createDirPool(String name, String targetPath) {
        throw new HypervisorException("Could not create the storage pool '" + name + "' on " + uri(),
                "This connection does not manage storage pools; create one with virsh pool-define-as");
    }

    /** Stops and undefines the pool, leaving its directory and files alone. The default refuses. */
    default void removePool(String name) {
        throw new HypervisorException("Could not remove the storage pool '" + name + "' on " + uri(),
                "This connection does not manage storage pools; use virsh pool-destroy and pool-undefine");
    }

    /** Every virtual network, running or not. The default refuses. */
    default List<NetworkInfo> networks() {
        throw new HypervisorException("Could not list the networks of " + uri(),
                "This connection does not list virtual networks");
    }

    /** Starts a defined network. The default refuses. */
    default void startNetwork(String name) {
        throw new HypervisorException("Could not start the network '" + name + "' on " + uri(),
                "Start it with virsh net-start " + name);
    }

    /** Stops a running network. The default refuses. */
    default void stopNetwork(String name) {
        throw new HypervisorException("Could not stop the network '" + name + "' on " + uri(),
                "Stop it with virsh net-destroy " + name);
    }

    /**
     * Opens the {@code index}-th graphics device of a running domain through the daemon
     * ({@code virDomainOpenGraphicsFD}): no port, no password. Only a daemon on this machine,
     * reached over its UNIX socket, can pass the descriptor. The default refuses.
     */
    default ConsoleStream openGraphics(String uuid, int index) {
        throw new HypervisorException("Could not open the console of domain " + uuid + " through " + uri(),
                "This connection cannot hand over a graphics channel");
    }

    /**
     * The password of the {@code index}-th graphics device, from the domain's secure XML (which
     * needs a read-write connection). The default refuses.
     */
    default Optional<String> graphicsPassword(String uuid, int index) {
        throw new HypervisorException("Could not read the console password of domain " + uuid + " on " + uri(),
                "This connection does not show secure XML");
    }

    /** Statistics for every running domain in one call. */
    List<DomainStats> sampleStats();

    /**
     * Statistics for those of the given domains that run, in one call where the adapter can;
     * UUIDs of domains that are gone or stopped are skipped. The default samples every domain
     * and keeps the ones asked for.
     */
    default List<DomainStats> sampleStats(Set<String> uuids) {
        return sampleStats().stream().filter(stats -> uuids.contains(stats.uuid())).toList();
    }

    /** Lifecycle events for every domain on this connection until the returned handle is closed. */
    AutoCloseable subscribe(DomainEventListener listener);

    ConnectionState state();

    /**
     * Called when the state changes: LOST on the event-loop thread when the daemon goes away
     * (or on the calling thread when a failing call notices it first), CLOSED on the thread
     * that calls {@link #close()}. Listeners only translate and enqueue.
     */
    AutoCloseable onStateChange(Consumer<ConnectionState> listener);

    /** Closes the connection and frees its native resources. Idempotent. */
    @Override
    void close();
}
