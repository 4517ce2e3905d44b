package org.bulkhead.model.hypervisor;

/** A volume in a storage pool: its pool, name and the file path QEMU will open. */
public record StorageVolume(String pool, String name, String path, long capacityBytes, String format) {
}
