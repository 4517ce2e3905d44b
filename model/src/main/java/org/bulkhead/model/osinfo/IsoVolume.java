package org.bulkhead.model.osinfo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The identifiers in an ISO 9660 image's primary volume descriptor (sector 16): above all the
 * volume identifier, where installers put their name and version ("Debian 11.5.0 amd64 n").
 */
public final class IsoVolume {

    /** The descriptor's identifiers, trailing spaces removed; blank where the image leaves one empty. */
    public record Identity(String systemId, String volumeId, String publisherId, String applicationId) {
        public static Identity ofVolume(String volumeId) {
            return new Identity("", volumeId, "", "");
        }
    }

    private static final int SECTOR = 2048;
    private static final int DESCRIPTORS_FROM = 16;
    /** Volume descriptors end with type 255; a few are enough for every image seen in practice. */
    private static final int DESCRIPTORS_READ = 32;

    private IsoVolume() {
    }

    /**
     * The image's identifiers; empty when the file is no ISO 9660 image (a raw disk image, say).
     *
     * @throws IOException when the file cannot be read (missing, no permission)
     */
    public static Optional<Identity> identity(Path iso) throws IOException {
        try (FileChannel channel = FileChannel.open(iso, StandardOpenOption.READ)) {
            ByteBuffer sector = ByteBuffer.allocate(SECTOR);
            for (int i = DESCRIPTORS_FROM; i < DESCRIPTORS_FROM + DESCRIPTORS_READ; i++) {
                sector.clear();
                long at = (long) i * SECTOR;
                while (sector.hasRemaining() && channel.read(sector, at + sector.position()) > 0) {
                    // reads until the sector is full or the file ends
                }
                if (sector.position() < SECTOR) {
                    return Optional.empty();
                }
                byte[] bytes = sector.array();
                if (!"CD001".equals(new String(bytes, 1, 5, StandardCharsets.US_ASCII))) {
                    return Optional.empty();
                }
                if (bytes[0] == 1) { // the primary volume descriptor
                    return Optional.of(new Identity(text(bytes, 8, 32), text(bytes, 40, 32), text(bytes, 318, 128),
                            text(bytes, 574, 128)));
                }
                if (bytes[0] == (byte) 255) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    private static String text(byte[] sector, int from, int length) {
        return new String(sector, from, length, StandardCharsets.US_ASCII).strip();
    }
}
