package org.bulkhead.hostsec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bulkhead.model.hostsec.FileLabelException;
import org.bulkhead.model.hostsec.FileLabelException.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filesystems that refuse labels, mounted for real: ramfs keeps no xattrs at all (as NFS without
 * labelled NFS refuses them), and a tmpfs remounted read-only refuses every change.
 */
class FilesystemRefusalTest {

    private static final String IMAGE = "system_u:object_r:svirt_image_t:s0:c3,c4";

    private static Path dir;
    private static Path ramfs;
    private static Path readOnly;

    @BeforeAll
    static void mountFilesystems() throws IOException {
        RealHost.requireRoot();
        dir = RealHost.scratch("mounts");
        ramfs = Files.createDirectory(dir.resolve("ramfs"));
        readOnly = Files.createDirectory(dir.resolve("readonly"));
        RealHost.run("mount", "-t", "ramfs", "bulkhead-test", ramfs.toString());
        Files.writeString(ramfs.resolve("disk.img"), "image");
        RealHost.run("mount", "-t", "tmpfs", "bulkhead-test", readOnly.toString());
        Files.writeString(readOnly.resolve("disk.img"), "image");
        RealHost.run("mount", "-o", "remount,ro", readOnly.toString());
    }

    @AfterAll
    static void unmount() throws IOException {
        for (Path mount : new Path[] {ramfs, readOnly}) {
            if (mount != null && RealHost.run("findmnt", "-n", "-o", "TARGET", "--list").contains(mount.toString())) {
                RealHost.run("umount", mount.toString());
            }
        }
        RealHost.delete(dir);
    }

    static Object[] routes() {
        return LabelRoutes.both().toArray();
    }

    @ParameterizedTest
    @MethodSource("routes")
    void aFilesystemWithoutLabelsRefusesOneWithTheNfsAndFuseHint(LocalHostSecurity security) {
        Path image = ramfs.resolve("disk.img");

        var error = assertThrows(FileLabelException.class, () -> security.setSelinuxLabel(image, IMAGE, true));

        assertEquals(Reason.NOT_SUPPORTED, error.reason());
        assertTrue(error.getMessage().contains("does not support SELinux labels"), error.getMessage());
        assertTrue(error.getMessage().contains("setsebool -P virt_use_nfs 1"), error.getMessage());
        assertTrue(error.getMessage().contains("virt_use_fusefs 1"), error.getMessage());
    }

    @ParameterizedTest
    @MethodSource("routes")
    void aFileOnAFilesystemWithoutLabelsReadsAsUnlabelled(LocalHostSecurity security) {
        var label = security.readLabel(ramfs.resolve("disk.img"), true);

        assertEquals(Optional.empty(), label.selinuxContext());
        assertEquals(0, label.uid());
    }

    @ParameterizedTest
    @MethodSource("routes")
    void procfsRefusesLabelsToo(LocalHostSecurity security) {
        var error = assertThrows(FileLabelException.class,
                () -> security.setSelinuxLabel(Path.of("/proc/self/status"), IMAGE, true));

        assertEquals(Reason.NOT_SUPPORTED, error.reason());
    }

    @ParameterizedTest
    @MethodSource("routes")
    void aReadOnlyFilesystemSaysSoAndHowToFixIt(LocalHostSecurity security) {
        Path image = readOnly.resolve("disk.img");

        var error = assertThrows(FileLabelException.class, () -> security.setSelinuxLabel(image, IMAGE, true));

        assertEquals(Reason.READ_ONLY_FILESYSTEM, error.reason());
        assertTrue(error.getMessage().contains("read-only filesystem"), error.getMessage());
        assertEquals(Optional.empty(), security.readLabel(image, true).selinuxContext());
    }
}
