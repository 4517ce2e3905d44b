package org.bulkhead.model.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Bulkhead reads from a libvirt domain XML: identity, the files QEMU will be given (disks
 * with their backing chains, character devices, boot files, NVRAM) and the domain's seclabels.
 */
public record DomainSpec(String name, String uuid, String virtType, List<Disk> disks, List<Chardev> chardevs,
        Optional<String> kernel, Optional<String> initrd, Optional<String> dtb, Optional<String> nvram,
        List<SecLabel> seclabels) {

    public DomainSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(virtType, "virtType");
        disks = List.copyOf(disks);
        chardevs = List.copyOf(chardevs);
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(initrd, "initrd");
        Objects.requireNonNull(dtb, "dtb");
        Objects.requireNonNull(nvram, "nvram");
        seclabels = List.copyOf(seclabels);
    }

    /** The domain-level seclabel written for {@code model} (libvirt allows one per model). */
    public Optional<SecLabel> seclabel(String model) {
        return seclabels.stream().filter(s -> model.equals(s.model())).findFirst();
    }
}
