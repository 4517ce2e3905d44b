package org.bulkhead.model.provision;

import java.util.Optional;

import org.bulkhead.model.domain.DomainNames;
import org.bulkhead.model.hypervisor.HostCapacity;
import org.bulkhead.model.hypervisor.StoragePoolInfo;

/** What makes each wizard answer acceptable, with the sentence to show when it is not. */
public final class RequestRules {

    /** More than this is a typo on any desktop host (4 TiB). */
    public static final long MAX_MEMORY_MIB = 4L * 1024 * 1024;
    public static final int MAX_VCPUS = 512;
    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;

    private RequestRules() {
    }

    public static Optional<String> name(String name) {
        return DomainNames.validate(name);
    }

    public static Optional<String> memory(long memoryMiB) {
        if (memoryMiB <= 0) {
            return Optional.of("Give the VM some memory: at least 1 MiB (most systems need 512 MiB or more).");
        }
        if (memoryMiB > MAX_MEMORY_MIB) {
            return Optional.of("At most " + MAX_MEMORY_MIB + " MiB of memory.");
        }
        return Optional.empty();
    }

    public static Optional<String> vcpus(int vcpus) {
        if (vcpus <= 0) {
            return Optional.of("A VM needs at least one virtual CPU.");
        }
        if (vcpus > MAX_VCPUS) {
            return Optional.of("At most " + MAX_VCPUS + " virtual CPUs.");
        }
        return Optional.empty();
    }

    /** Memory no more than the host has: more could never be given to the VM at once. */
    public static Optional<String> memoryOnHost(long memoryMiB, HostCapacity host) {
        long hostMiB = host.memoryBytes() / MIB;
        return memoryMiB > hostMiB
                ? Optional.of("This host has " + hostMiB + " MiB of memory: give the VM at most " + hostMiB + " MiB.")
                : Optional.empty();
    }

    public static Optional<String> vcpusOnHost(int vcpus, HostCapacity host) {
        return vcpus > host.cpus()
                ? Optional.of("This host has " + host.cpus() + " CPUs: give the VM at most " + host.cpus()
                        + " virtual CPUs.")
                : Optional.empty();
    }

    /** A new disk no larger than its pool's free space, where libvirt reports that space. */
    public static Optional<String> capacityInPool(long bytes, StoragePoolInfo pool) {
        if (pool.availableBytes().isEmpty() || bytes <= pool.availableBytes().getAsLong()) {
            return Optional.empty();
        }
        long free = pool.availableBytes().getAsLong();
        String room = free >= GIB ? free / GIB + " GiB" : free / MIB + " MiB";
        return Optional.of("The pool '" + pool.name() + "' has " + room + " free: make the new disk at most " + room
                + ", or choose another pool.");
    }

    /** An ISO or image path: absolute, on one line. */
    public static Optional<String> path(String path, String what) {
        if (path == null || path.isBlank()) {
            return Optional.of("Choose the " + what + ".");
        }
        if (!path.startsWith("/")) {
            return Optional.of("The " + what + " needs an absolute path (starting with /).");
        }
        if (path.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("The " + what + " path cannot contain line breaks or control characters.");
        }
        return Optional.empty();
    }

    public static Optional<String> capacity(long bytes) {
        if (bytes <= 0) {
            return Optional.of("The new disk needs a size above zero.");
        }
        return Optional.empty();
    }

    /** Every problem of a whole request, the first one found, for a last check before Finish. */
    public static Optional<String> check(VmRequest request) {
        Optional<String> problem = name(request.name()).or(() -> memory(request.memoryMiB()))
                .or(() -> vcpus(request.vcpus()));
        if (problem.isPresent()) {
            return problem;
        }
        problem = switch (request.source()) {
            case VmRequest.InstallSource.Iso iso -> path(iso.path(), "installer ISO");
            case VmRequest.InstallSource.ImportImage image -> path(image.path(), "disk image to import");
            case VmRequest.InstallSource.NetworkBoot none -> Optional.empty();
        };
        if (problem.isPresent()) {
            return problem;
        }
        if (request.storage() instanceof VmRequest.Storage.NewVolume volume) {
            if (volume.pool() == null || volume.pool().isBlank()) {
                return Optional.of("Choose a storage pool for the new disk.");
            }
            return capacity(volume.capacityBytes());
        }
        return Optional.empty();
    }
}
