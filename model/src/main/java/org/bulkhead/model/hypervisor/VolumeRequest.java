package org.bulkhead.model.hypervisor;

import java.util.Objects;

/**
 * A new volume to create in a pool. {@code mode} is the octal permission of the new file
 * (for example 0600 for an isolated VM's image), or -1 for the pool's default.
 */
public record VolumeRequest(String pool, String name, long capacityBytes, String format, int mode) {

    public VolumeRequest {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("volume capacity must be positive, was " + capacityBytes);
        }
    }
}
