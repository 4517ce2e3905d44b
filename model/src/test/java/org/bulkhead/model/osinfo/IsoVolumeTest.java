package org.bulkhead.model.osinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Volume identifiers of real ISO images, made with xorriso (a test package) as installers are. */
class IsoVolumeTest {

    @Test
    void theVolumeIdOfAnImageXorrisoMadeIsReadBack(@TempDir Path dir) throws Exception {
        Path iso = makeIso(dir, "Debian 11.5.0 amd64 n");
        IsoVolume.Identity identity = IsoVolume.identity(iso).orElseThrow();
        assertEquals("Debian 11.5.0 amd64 n", identity.volumeId());
        assertEquals("http://debian.org/debian/11", OsCatalog.system().identify(identity).orElseThrow().id());
    }

    @Test
    void aFileThatIsNoIsoHasNoVolumeId(@TempDir Path dir) throws IOException {
        Path raw = dir.resolve("disk.img");
        Files.write(raw, new byte[64 * 1024]);
        assertEquals(Optional.empty(), IsoVolume.identity(raw));
        Path tiny = dir.resolve("tiny.iso");
        Files.writeString(tiny, "not an image");
        assertEquals(Optional.empty(), IsoVolume.identity(tiny));
    }

    @Test
    void grubsRescueImageIsAnIsoOfNoKnownSystem() throws IOException {
        IsoVolume.Identity grub = IsoVolume.identity(Path.of("/usr/lib/grub-rescue/grub-rescue-cdrom.iso")).orElseThrow();
        assertEquals("ISOIMAGE", grub.volumeId());
        assertEquals(Optional.empty(), OsCatalog.system().identify(grub));
    }

    @Test
    void aMissingFileIsAnError(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> IsoVolume.identity(dir.resolve("gone.iso")));
    }

    /** An ISO 9660 image with volume identifier {@code volumeId}, made by xorriso. */
    public static Path makeIso(Path dir, String volumeId) throws IOException, InterruptedException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("README.txt"), "installer\n");
        Path iso = dir.resolve("installer.iso");
        Process xorriso = new ProcessBuilder("xorriso", "-as", "mkisofs", "-quiet", "-V", volumeId, "-o", iso.toString(),
                content.toString()).redirectErrorStream(true).start();
        String output = new String(xorriso.getInputStream().readAllBytes());
        if (!xorriso.waitFor(60, TimeUnit.SECONDS) || xorriso.exitValue() != 0) {
            throw new IOException("xorriso could not make the test ISO: " + output);
        }
        return iso;
    }
}
