package org.bulkhead.hostsec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import org.bulkhead.model.hostsec.FileLabelException;
import org.bulkhead.model.hostsec.FileLabelException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real security.selinux xattrs on real files, written and read by both routes. */
class FileLabelTest {

    private static final String IMAGE = "system_u:object_r:svirt_image_t:s0:c12,c345";
    private static final String CONTENT = "system_u:object_r:virt_content_t:s0";

    private Path dir;
    private Path image;

    @BeforeAll
    static void asRoot() {
        RealHost.requireRoot();
    }

    @BeforeEach
    void createImage() throws IOException {
        dir = RealHost.scratch("labels");
        image = Files.writeString(dir.resolve("disk.qcow2"), "not really qcow2");
    }

    @AfterEach
    void cleanUp() throws IOException {
        RealHost.delete(dir);
    }

    static Object[] routes() {
        return LabelRoutes.both().toArray();
    }

    @ParameterizedTest
    @MethodSource("routes")
    void aLabelSetOnAFileIsReadBackFromIt(LocalHostSecurity security) {
        security.setSelinuxLabel(image, IMAGE, true);

        assertEquals(Optional.of(IMAGE), security.readLabel(image, true).selinuxContext());
    }

    @ParameterizedTest
    @MethodSource("routes")
    void aLabelIsStoredNulTerminatedAsLibselinuxStoresIt(LocalHostSecurity security) {
        security.setSelinuxLabel(image, CONTENT, true);

        String hex = RealHost.run("getfattr", "--absolute-names", "-e", "hex", "-n", "security.selinux",
                image.toString());
        String expected = "0x" + HexFormat.of().formatHex((CONTENT + "\0").getBytes());
        assertTrue(hex.contains("security.selinux=" + expected), hex);
    }

    @ParameterizedTest
    @MethodSource("routes")
    void aLabelWrittenBySetfattrWithoutNulReadsBackWithoutOne(LocalHostSecurity security) {
        RealHost.run("setfattr", "-n", "security.selinux", "-v", IMAGE, image.toString());

        assertEquals(Optional.of(IMAGE), security.readLabel(image, true).selinuxContext());
    }

    @ParameterizedTest
    @MethodSource("routes")
    void aFileWithoutALabelReadsAsUnlabelled(LocalHostSecurity security) {
        assertEquals(Optional.empty(), security.readLabel(image, true).selinuxContext());
    }

    @ParameterizedTest
    @MethodSource("routes")
    void anInvalidContextIsRejectedAndTheOldLabelStays(LocalHostSecurity security) {
        security.setSelinuxLabel(image, CONTENT, true);

        var error = assertThrows(FileLabelException.class,
                () -> security.setSelinuxLabel(image, "system_u:object_r:svirt image_t:s0", true));

        assertEquals(Reason.INVALID_LABEL, error.reason());
        assertTrue(error.getMessage().contains("svirt image_t"), error.getMessage());
        assertEquals(Optional.of(CONTENT), security.readLabel(image, true).selinuxContext());
    }

    @ParameterizedTest
    @MethodSource("routes")
    void aCategoryOutsideMcsIsRejectedBeforeTheFileIsTouched(LocalHostSecurity security) {
        var error = assertThrows(FileLabelException.class,
                () -> security.setSelinuxLabel(image, "system_u:object_r:svirt_image_t:s0:c1024", true));

        assertEquals(Reason.INVALID_LABEL, error.reason());
        assertEquals(Optional.empty(), security.readLabel(image, true).selinuxContext());
    }

    @ParameterizedTest
    @MethodSource("routes")
    void labellingAMissingFileSaysItDoesNotExist(LocalHostSecurity security) {
        Path missing = dir.resolve("gone.qcow2");

        var error = assertThrows(FileLabelException.class, () -> security.setSelinuxLabel(missing, IMAGE, true));

        assertEquals(Reason.NOT_FOUND, error.reason());
        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
        assertEquals(Reason.NOT_FOUND,
                assertThrows(FileLabelException.class, () -> security.readLabel(missing, true)).reason());
    }

    @ParameterizedTest
    @MethodSource("routes")
    void anImmutableFileRefusesALabelWithAdviceAboutOwnership(LocalHostSecurity security) {
        RealHost.run("chattr", "+i", image.toString());
        try {
            var error = assertThrows(FileLabelException.class, () -> security.setSelinuxLabel(image, IMAGE, true));

            assertEquals(Reason.PERMISSION_DENIED, error.reason());
            assertTrue(error.getMessage().contains("Run Bulkhead as root"), error.getMessage());
        } finally {
            RealHost.run("chattr", "-i", image.toString());
        }
        assertEquals(Optional.empty(), security.readLabel(image, true).selinuxContext());
    }

    @ParameterizedTest
    @MethodSource("routes")
    void getfattrSeesTheLabelBulkheadSet(LocalHostSecurity security) {
        security.setSelinuxLabel(image, IMAGE, false);

        String shown = RealHost.run("getfattr", "--absolute-names", "-n", "security.selinux", image.toString());
        assertTrue(shown.contains("security.selinux=\"" + IMAGE + "\""), shown);
    }
}
