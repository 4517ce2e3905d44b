package org.bulkhead.model.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.hypervisor.NetworkInfo;
import org.bulkhead.model.hypervisor.StoragePoolInfo;

/**
 * The storage pools and virtual networks the wizard found on a connection. A fresh libvirtd has
 * no storage pool at all; then the wizard offers libvirt's usual {@code default} pool in
 * {@value #DEFAULT_POOL_PATH}, which Finish creates (and removes again if Finish fails).
 *
 * @param pools    every pool the connection listed
 * @param newPool  the pool Finish would create, offered when the connection has none
 * @param networks every network, when the connection lists them; empty when it cannot tell
 */
public record HostSetup(List<StoragePoolInfo> pools, Optional<StoragePoolInfo> newPool,
        Optional<List<NetworkInfo>> networks) {

    public static final String DEFAULT_POOL = "default";
    public static final String DEFAULT_POOL_PATH = "/var/lib/libvirt/images";

    public HostSetup {
        pools = List.copyOf(pools);
        Objects.requireNonNull(newPool, "newPool");
        networks = networks.map(List::copyOf);
    }

    /** Known pools only: nothing to create, networks not checked. */
    public static HostSetup of(List<StoragePoolInfo> pools) {
        return new HostSetup(pools, Optional.empty(), Optional.empty());
    }

    /** Lists the connection's pools and networks; blocks on the daemon. */
    public static HostSetup read(HypervisorConnection connection) {
        Optional<List<StoragePoolInfo>> pools;
        try {
            pools = Optional.of(connection.storagePools());
        } catch (HypervisorException e) {
            pools = Optional.empty(); // the storage page then offers an imported image or no disk
        }
        Optional<StoragePoolInfo> newPool = pools.filter(List::isEmpty)
                .map(none -> new StoragePoolInfo(DEFAULT_POOL, "dir", Optional.of(DEFAULT_POOL_PATH), false));
        Optional<List<NetworkInfo>> networks;
        try {
            networks = Optional.of(connection.networks());
        } catch (HypervisorException e) {
            networks = Optional.empty();
        }
        return new HostSetup(pools.orElse(List.of()), newPool, networks);
    }

    /** The pools a new volume can go into: the running ones, then the one Finish would create. */
    public List<StoragePoolInfo> choices() {
        List<StoragePoolInfo> choices = new ArrayList<>(pools.stream().filter(StoragePoolInfo::active).toList());
        newPool.ifPresent(choices::add);
        return choices;
    }

    /** What the storage page shows for a pool. */
    public String describe(String poolName) {
        return newPool.filter(p -> p.name().equals(poolName))
                .map(p -> p.name() + " (new, in " + p.targetPath().orElseThrow() + ")")
                .orElse(poolName);
    }
}
