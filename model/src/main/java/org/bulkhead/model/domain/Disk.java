package org.bulkhead.model.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code <disk>}: its device kind (disk, cdrom, floppy, lun), source type (file, block,
 * network, volume, dir), where its data lives and how the guest may use it.
 *
 * @param path         the source's {@code file=}, {@code dev=} or {@code dir=}
 * @param format       the driver's {@code type}, e.g. qcow2 or raw
 * @param backingChain the layers below this one, the top's direct backing file first
 * @param seclabels    per-disk overrides written inside {@code <source>}
 */
public record Disk(String device, String sourceType, Optional<String> path, Optional<String> pool,
        Optional<String> volume, Optional<String> format, String targetDev, boolean readonly, boolean shareable,
        List<BackingStore> backingChain, List<DeviceSecLabel> seclabels) {

    public Disk {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(targetDev, "targetDev");
        backingChain = List.copyOf(backingChain);
        seclabels = List.copyOf(seclabels);
    }

    /**
     * Whether the image belongs to this domain alone: a read-write disk device, neither read-only
     * nor shareable, with a file, block device or pool volume behind it. CD-ROMs, floppies,
     * read-only and shared images may serve other domains and are never deleted with this one.
     */
    public boolean belongsToDomainAlone() {
        return "disk".equals(device) && !readonly && !shareable && !"network".equals(sourceType) && source().isPresent();
    }

    /** Where the image is, as a user reads it: its path, or {@code pool/volume}. */
    public Optional<String> source() {
        if (path.isPresent()) {
            return path;
        }
        return volume.map(v -> pool.map(p -> p + "/").orElse("") + v);
    }

    public boolean isCdrom() {
        return "cdrom".equals(device);
    }

    /** True when the disk has nothing to open: an empty CD-ROM or floppy drive. */
    public boolean isEmpty() {
        return path.isEmpty() && volume.isEmpty() && !"network".equals(sourceType);
    }
}
