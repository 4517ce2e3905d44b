package org.bulkhead.model.hypervisor;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A storage pool new volumes can go into.
 *
 * @param type           libvirt's pool type (dir, fs, netfs, logical...)
 * @param targetPath     the directory its volumes live in, when the pool has one
 * @param availableBytes the free space libvirt reports for a running pool; empty when it reports none
 */
public record StoragePoolInfo(String name, String type, Optional<String> targetPath, boolean active,
        OptionalLong availableBytes) {

    public StoragePoolInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(targetPath, "targetPath");
        Objects.requireNonNull(availableBytes, "availableBytes");
    }

    /** A pool whose free space is not known. */
    public StoragePoolInfo(String name, String type, Optional<String> targetPath, boolean active) {
        this(name, type, targetPath, active, OptionalLong.empty());
    }
}
