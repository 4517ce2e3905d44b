package org.bulkhead.model.osinfo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An operating system a guest can run, as libosinfo's database describes it: what to call it,
 * how to recognise its install media, the resources it wants and the devices it has drivers for.
 * Resources and devices are already inherited from the systems it derives from.
 *
 * @param id        libosinfo's URI, e.g. {@code http://debian.org/debian/11}; libvirt tools write it into the domain's metadata
 * @param shortId   e.g. {@code debian11}
 * @param media     how its install ISOs identify themselves
 * @param devices   device URIs the OS has drivers for, e.g. {@code http://pcisig.com/pci/1af4/1001} (virtio block)
 */
public record GuestOs(String id, String shortId, String name, String vendor, String family, String version,
        String releaseDate, List<MediaId> media, Resources minimum, Resources recommended, Set<String> devices) {

    private static final Set<String> VIRTIO_BLOCK = Set.of("http://pcisig.com/pci/1af4/1001",
            "http://pcisig.com/pci/1af4/1042");
    private static final Set<String> VIRTIO_NET = Set.of("http://pcisig.com/pci/1af4/1000",
            "http://pcisig.com/pci/1af4/1041");

    public GuestOs {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        shortId = Objects.requireNonNullElse(shortId, "");
        vendor = Objects.requireNonNullElse(vendor, "");
        family = Objects.requireNonNullElse(family, "");
        version = Objects.requireNonNullElse(version, "");
        releaseDate = Objects.requireNonNullElse(releaseDate, "");
        media = List.copyOf(media);
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(recommended, "recommended");
        devices = Set.copyOf(devices);
    }

    /**
     * The identifiers one install ISO carries, as patterns found anywhere in the ISO's own (as
     * libosinfo matches them); an absent pattern matches anything, and one at least is present.
     */
    public record MediaId(Optional<Pattern> system, Optional<Pattern> volume, Optional<Pattern> publisher,
            Optional<Pattern> application) {

        boolean matches(IsoVolume.Identity iso) {
            return found(system, iso.systemId()) && found(volume, iso.volumeId()) && found(publisher, iso.publisherId())
                    && found(application, iso.applicationId());
        }

        /** How much the patterns say: of several systems that match, the one that says most wins. */
        int specificity() {
            return Stream.of(system, volume, publisher, application).flatMap(Optional::stream)
                    .mapToInt(p -> p.pattern().length()).sum();
        }

        private static boolean found(Optional<Pattern> pattern, String text) {
            return pattern.isEmpty() || pattern.get().matcher(text).find();
        }
    }

    /** Memory, disk and CPUs; each may be unknown. */
    public record Resources(OptionalLong ramBytes, OptionalLong storageBytes, OptionalInt cpus) {
        public static final Resources UNKNOWN = new Resources(OptionalLong.empty(), OptionalLong.empty(),
                OptionalInt.empty());

        boolean isUnknown() {
            return ramBytes.isEmpty() && storageBytes.isEmpty() && cpus.isEmpty();
        }

        /** Each amount of this one, or of {@code other} where this one does not say. */
        Resources or(Resources other) {
            return new Resources(ramBytes.isPresent() ? ramBytes : other.ramBytes,
                    storageBytes.isPresent() ? storageBytes : other.storageBytes,
                    cpus.isPresent() ? cpus : other.cpus);
        }
    }

    /** Whether the guest has a virtio disk driver, so its disk can be on the fast paravirtual bus. */
    public boolean virtioDisk() {
        return devices.stream().anyMatch(VIRTIO_BLOCK::contains);
    }

    /** Whether the guest has a virtio network driver. */
    public boolean virtioNetwork() {
        return devices.stream().anyMatch(VIRTIO_NET::contains);
    }

    /** How well {@code iso} matches one of this system's install media: 0 for not at all, more for a closer match. */
    public int recognition(IsoVolume.Identity iso) {
        return media.stream().filter(m -> m.matches(iso)).mapToInt(MediaId::specificity).max().orElse(0);
    }

    /** The memory to give it in MiB: what it recommends, else its minimum, else empty. */
    public OptionalLong recommendedMemoryMiB() {
        OptionalLong bytes = recommended.or(minimum).ramBytes();
        return bytes.isPresent() ? OptionalLong.of(Math.max(1, bytes.getAsLong() / (1024L * 1024))) : OptionalLong.empty();
    }

    /** The disk to give it in GiB (rounded up): what it recommends, else its minimum, else empty. */
    public OptionalLong recommendedDiskGiB() {
        OptionalLong bytes = recommended.or(minimum).storageBytes();
        long gib = 1024L * 1024 * 1024;
        return bytes.isPresent() ? OptionalLong.of(Math.max(1, (bytes.getAsLong() + gib - 1) / gib)) : OptionalLong.empty();
    }

    /** The vCPUs to give it: what it recommends, else its minimum, else empty. */
    public OptionalInt recommendedVcpus() {
        return recommended.or(minimum).cpus();
    }

    @Override
    public String toString() {
        return name;
    }
}
