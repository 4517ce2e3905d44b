package org.bulkhead.model.osinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libosinfo's database as Debian's osinfo-db installs it (a test package), and a database of our own. */
class OsCatalogTest {

    private static final OsCatalog SYSTEM = OsCatalog.system();

    @Test
    void theInstalledDatabaseListsManySystemsByName() {
        assertEquals(Optional.empty(), SYSTEM.unavailable(), "osinfo-db is one of the test packages");
        assertTrue(SYSTEM.systems().size() > 300, "osinfo-db lists hundreds: " + SYSTEM.systems().size());
        assertTrue(SYSTEM.unreadable().isEmpty(), String.join("\n", SYSTEM.unreadable()));
        List<String> names = SYSTEM.systems().stream().map(GuestOs::name).toList();
        assertEquals(names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), names);
    }

    @Test
    void aDebianNetinstVolumeIdIsRecognisedWithItsInheritedResourcesAndVirtioDrivers() {
        GuestOs debian = SYSTEM.identify(IsoVolume.Identity.ofVolume("Debian 11.5.0 amd64 n")).orElseThrow();
        assertEquals("http://debian.org/debian/11", debian.id());
        assertEquals("Debian 11", debian.name());
        assertEquals(1024, debian.recommendedMemoryMiB().getAsLong());
        assertEquals(20, debian.recommendedDiskGiB().getAsLong());
        // Debian 11 names only virtio-gpu and virtio-fs itself; the block and net drivers come from Debian 10 and older.
        assertTrue(debian.virtioDisk());
        assertTrue(debian.virtioNetwork());
    }

    @Test
    void aVolumeIdNoSystemCarriesIsNotGuessed() {
        assertEquals(Optional.empty(), SYSTEM.identify(IsoVolume.Identity.ofVolume("MY_BACKUP_2024")));
        // ALT 8.2's media say ISOIMAGE and ALT LINUX TEAM: the volume alone is not enough, as in libosinfo.
        assertEquals(Optional.empty(), SYSTEM.identify(IsoVolume.Identity.ofVolume("ISOIMAGE")));
        assertEquals("ALT 8.2", SYSTEM.identify(new IsoVolume.Identity("", "ISOIMAGE", "ALT LINUX TEAM", ""))
                .orElseThrow().name());
    }

    @Test
    void searchFindsSystemsByEveryWordInAnyCase() {
        List<GuestOs> found = SYSTEM.search("debian 11");
        assertTrue(found.stream().anyMatch(os -> os.id().equals("http://debian.org/debian/11")), found.toString());
        assertTrue(found.stream().allMatch(os -> (os.name() + os.shortId()).toLowerCase().contains("11")), found.toString());
        assertTrue(SYSTEM.search("FEDORA").size() > 10);
        assertEquals(SYSTEM.systems().size(), SYSTEM.search("").size());
    }

    @Test
    void aMissingDatabaseSaysWhatToInstall(@TempDir Path empty) {
        OsCatalog none = OsCatalog.load(empty);
        assertTrue(none.systems().isEmpty());
        assertTrue(none.unavailable().orElseThrow().contains(empty.toString()), none.unavailable().get());
    }

    @Test
    void aSystemWithoutVirtioDriversAndABrokenFileAreToldApart(@TempDir Path db) throws IOException {
        Files.createDirectories(db.resolve("os/example.org"));
        Files.writeString(db.resolve("os/example.org/old.xml"), """
                <libosinfo version="0.0.1">
                  <os id="http://example.org/old/1">
                    <short-id>old1</short-id>
                    <name>Old OS 1</name>
                    <name xml:lang="de">Altes OS 1</name>
                    <media arch="x86_64"><iso><volume-id>^OLDOS_1</volume-id></iso></media>
                    <resources arch="all">
                      <minimum><n-cpus>1</n-cpus><ram>268435456</ram><storage>2147483648</storage></minimum>
                    </resources>
                    <devices><device id="http://pcisig.com/pci/8086/100e"/></devices>
                  </os>
                </libosinfo>
                """);
        Files.writeString(db.resolve("os/example.org/broken.xml"), "<libosinfo><os id=");
        OsCatalog catalog = OsCatalog.load(db);

        GuestOs old = catalog.identify(IsoVolume.Identity.ofVolume("OLDOS_1_X86")).orElseThrow();
        assertEquals("Old OS 1", old.name(), "the English name, not a translation");
        assertEquals(256, old.recommendedMemoryMiB().getAsLong(), "no recommendation: the minimum");
        assertEquals(2, old.recommendedDiskGiB().getAsLong());
        assertFalse(old.virtioDisk());
        assertEquals(Optional.empty(), catalog.identify(IsoVolume.Identity.ofVolume("NOT_OLDOS_1")), "an anchored pattern stays anchored");
        assertEquals(1, catalog.unreadable().size());
        assertTrue(catalog.unreadable().get(0).contains("broken.xml"));
    }
}
