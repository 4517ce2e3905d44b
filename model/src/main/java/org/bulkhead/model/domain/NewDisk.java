package org.bulkhead.model.domain;

import java.util.List;
import java.util.Objects;

/**
 * A disk of a domain Bulkhead is about to define.
 *
 * @param device disk or cdrom
 * @param target the guest device name; its prefix picks the bus (vd: virtio, sd: sata, hd: ide)
 */
public record NewDisk(String path, String format, String device, boolean readonly, boolean shareable,
        String target, List<String> leftAloneBy) {

    public NewDisk(String path, String format, String device, boolean readonly, boolean shareable, String target) {
        this(path, format, device, readonly, shareable, target, List.of());
    }

    public NewDisk {
        leftAloneBy = List.copyOf(leftAloneBy);
        requireText(path, "path");
        requireText(format, "format");
        requireText(target, "target");
        if (!"disk".equals(device) && !"cdrom".equals(device)) {
            throw new IllegalArgumentException("A new disk's device is disk or cdrom, not '" + device + "'");
        }
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("A new disk needs a " + what);
        }
    }

    /** A read-write image, e.g. {@code disk("/var/lib/libvirt/images/a.qcow2", "qcow2", "vda")}. */
    public static NewDisk disk(String path, String format, String target) {
        return new NewDisk(path, format, "disk", false, false, target);
    }

    /** An ISO in a CD-ROM drive: always read-only. */
    public static NewDisk cdrom(String path, String target) {
        return new NewDisk(path, "raw", "cdrom", true, false, target);
    }

    /**
     * This disk with {@code <seclabel model='MODEL' relabel='no'/>} in its source: the security
     * driver of that model leaves the file's owner or label as it finds it.
     */
    public NewDisk leftAloneBy(String model) {
        List<String> models = new java.util.ArrayList<>(leftAloneBy);
        models.add(model);
        return new NewDisk(path, format, device, readonly, shareable, target, models);
    }

    /** The bus libvirt should attach the disk to, from the target's prefix. */
    String bus() {
        if (target.startsWith("vd")) {
            return "virtio";
        }
        if (target.startsWith("sd")) {
            return "sata";
        }
        if (target.startsWith("hd")) {
            return "ide";
        }
        throw new DomainXmlException("Cannot tell the bus of disk target '" + target
                + "': use vdX (virtio), sdX (sata) or hdX (ide)");
    }
}
