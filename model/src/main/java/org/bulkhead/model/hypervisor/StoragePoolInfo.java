package org.bulkhead.model.hypervisor;

import java.util.Objects;
import java.util.Optional;

/**
 * A storage pool new volumes can go into.
 *
 * @param type       libvirt's pool type (dir, fs, netfs, logical...)
 * @param targetPath the directory its volumes live in, when the pool has one
 */
public record StoragePoolInfo(String name, String type, Optional<String> targetPath, boolean active) {

    public StoragePoolInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(targetPath, "targetPath");
    }
}
