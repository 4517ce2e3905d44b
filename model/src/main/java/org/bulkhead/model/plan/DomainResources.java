package org.bulkhead.model.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bulkhead.model.domain.BackingStore;
import org.bulkhead.model.domain.Chardev;
import org.bulkhead.model.domain.DeviceSecLabel;
import org.bulkhead.model.domain.Disk;
import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.plan.Resource.Kind;
import org.bulkhead.model.plan.Site.Use;

/** Walks a domain in libvirt's labelling order: disks with their chains, chardevs, NVRAM, boot files. */
final class DomainResources {

    private DomainResources() {
    }

    static List<Site> walk(DomainSpec domain, SecurityModel model) {
        List<Site> sites = new ArrayList<>();
        for (Disk disk : domain.disks()) {
            addDisk(sites, disk, model);
        }
        List<Chardev> serials = domain.chardevs().stream().filter(c -> c.element().equals("serial")).toList();
        for (Chardev chardev : domain.chardevs()) {
            // libvirt formats the console on serial0 as a copy of it and labels it once
            boolean copyOfSerial = chardev.element().equals("console") && serials.stream()
                    .anyMatch(s -> s.type().equals(chardev.type()) && s.path().equals(chardev.path()));
            if (!copyOfSerial) {
                sites.add(chardevSite(chardev, model));
            }
        }
        domain.nvram().ifPresent(path -> sites.add(Site.of(
                new Resource(Kind.NVRAM, path, "UEFI variables (NVRAM)"), Use.NVRAM, "NVRAM, which QEMU writes")));
        domain.kernel().ifPresent(path -> sites.add(bootFile(Kind.KERNEL, path, "kernel")));
        domain.initrd().ifPresent(path -> sites.add(bootFile(Kind.INITRD, path, "initrd")));
        domain.dtb().ifPresent(path -> sites.add(bootFile(Kind.DTB, path, "device tree")));
        return sites;
    }

    private static Site bootFile(Kind kind, String path, String what) {
        return Site.of(new Resource(kind, path, what), Use.BOOT_FILE, what);
    }

    private static void addDisk(List<Site> sites, Disk disk, SecurityModel model) {
        if (disk.isEmpty()) {
            return;
        }
        Kind kind = disk.isCdrom() ? Kind.CDROM : Kind.DISK;
        String target = disk.targetDev();
        if (disk.sourceType().equals("network")) {
            sites.add(Site.of(new Resource(kind, "", target + " (network disk)"), Use.NOT_A_FILE,
                    "network disk: no local file to label"));
        } else if (disk.sourceType().equals("dir")) {
            sites.add(Site.of(new Resource(kind, disk.path().orElse(""), target + " (directory)"), Use.DIRECTORY,
                    "directory disk: libvirt does not relabel directory trees"));
            return;
        } else {
            Use use;
            String mode;
            if (disk.shareable()) {
                use = Use.SHARED;
                mode = "shareable";
            } else if (disk.readonly() || disk.isCdrom()) {
                use = Use.READ_ONLY;
                mode = disk.isCdrom() ? "CD-ROM" : "read-only";
            } else {
                use = Use.READ_WRITE;
                mode = "read-write";
            }
            String what = disk.isCdrom() ? "CD-ROM" : mode + " disk";
            String description = target + " (" + disk.format().map(f -> f + ", ").orElse("") + mode + ")";
            Optional<DeviceSecLabel> override = ModelSeclabels.decisive(disk.seclabels(), model);
            sites.add(new Site(new Resource(kind, diskPath(disk), description), use, what, override, false));
        }
        // libvirt's drivers give every layer below the top the top disk's override, if it has one
        Optional<DeviceSecLabel> topOverride = ModelSeclabels.decisive(disk.seclabels(), model);
        int layer = 1;
        for (BackingStore backing : disk.backingChain()) {
            String description = target + " backing layer " + layer + backing.format().map(f -> " (" + f + ")").orElse("");
            if (backing.sourceType().equals("network") || backing.path().isEmpty()) {
                sites.add(Site.of(new Resource(Kind.BACKING, backing.path().orElse(""), description),
                        Use.NOT_A_FILE, "network backing layer: no local file to label"));
            } else {
                sites.add(new Site(new Resource(Kind.BACKING, backing.path().get(), description), Use.BACKING,
                        "backing layer of " + target + ", read-only to QEMU", topOverride, topOverride.isPresent()));
            }
            layer++;
        }
    }

    /** A volume is resolved to a file or block device at start; until then name it by pool. */
    private static String diskPath(Disk disk) {
        if (disk.path().isPresent()) {
            return disk.path().get();
        }
        return disk.pool().orElse("") + "/" + disk.volume().orElse("");
    }

    private static Site chardevSite(Chardev chardev, SecurityModel model) {
        String element = chardev.element();
        String type = chardev.type();
        String path = chardev.path().orElse("");
        Optional<DeviceSecLabel> override = ModelSeclabels.decisive(chardev.seclabels(), model);
        switch (type) {
            case "file", "pipe", "dev" -> {
                if (chardev.path().isEmpty()) {
                    break;
                }
                String what = element + " " + (type.equals("dev") ? "device" : type);
                Use use = type.equals("file") ? Use.CHARDEV_OUTPUT_FILE : Use.CHARDEV_FILE;
                return new Site(new Resource(Kind.CHARDEV, path, element + " (" + type + ")"), use, what,
                        override, false);
            }
            case "unix" -> {
                boolean bind = chardev.mode().map("bind"::equals).orElse(false);
                if (bind || chardev.path().isEmpty()) {
                    return Site.of(new Resource(Kind.SOCKET, path, element + " (unix socket, bind)"), Use.SOCKET_BIND,
                            "unix socket QEMU listens on");
                }
                return new Site(new Resource(Kind.SOCKET, path, element + " (unix socket, connect)"),
                        Use.SOCKET_CONNECT, "unix socket QEMU connects to", override, false);
            }
            default -> {
            }
        }
        return Site.of(new Resource(Kind.CHARDEV, path, element + " (" + type + ")"), Use.NOT_A_FILE,
                element + " of type " + type + ": not a file libvirt labels");
    }
}
