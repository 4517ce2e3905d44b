package org.bulkhead.hostsec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.bulkhead.model.hostsec.FileLabelException;
import org.bulkhead.model.hostsec.FileLabelException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DAC half of a label: real owners and modes, as the per-VM UID isolation relies on. */
class OwnerTest {

    private static final int VM_UID = 200001;
    private static final int QEMU_GID = 64055;

    private Path dir;
    private Path image;
    private final LocalHostSecurity security = LocalHostSecurity.create();

    @BeforeAll
    static void asRoot() {
        RealHost.requireRoot();
    }

    @BeforeEach
    void createImage() throws IOException {
        dir = RealHost.scratch("owner");
        image = Files.writeString(dir.resolve("vm.qcow2"), "image");
    }

    @AfterEach
    void cleanUp() throws IOException {
        RealHost.delete(dir);
    }

    @Test
    void aChownedImageReadsBackAsTheVmsDacLabelAndMode() throws IOException {
        Files.setPosixFilePermissions(image, PosixFilePermissions.fromString("rw-------"));

        security.setOwner(image, VM_UID, QEMU_GID, true);

        var label = security.readLabel(image, true);
        assertEquals(VM_UID, label.uid());
        assertEquals(QEMU_GID, label.gid());
        assertEquals("+200001:+64055", label.dacLabel());
        assertEquals("0600", label.modeOctal());
        assertEquals(VM_UID, Files.getAttribute(image, "unix:uid"), "the kernel agrees");
    }

    @Test
    void chowningALinkItselfLeavesTheTargetsOwner() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("vm.lnk"), image.getFileName());

        security.setOwner(link, VM_UID, QEMU_GID, false);

        assertEquals(VM_UID, security.readLabel(link, false).uid());
        assertEquals(0, security.readLabel(image, false).uid());
        assertEquals(0, security.readLabel(link, true).uid(), "following the link reads the target");
    }

    @Test
    void chowningThroughALinkChangesTheTarget() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("vm.lnk"), image.getFileName());

        security.setOwner(link, VM_UID, QEMU_GID, true);

        assertEquals(VM_UID, Files.getAttribute(image, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        assertEquals(0, Files.getAttribute(link, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void chowningAMissingFileSaysItDoesNotExist() {
        var error = assertThrows(FileLabelException.class,
                () -> security.setOwner(dir.resolve("gone"), VM_UID, QEMU_GID, true));

        assertEquals(Reason.NOT_FOUND, error.reason());
    }

    @Test
    void aNegativeIdIsRefusedRatherThanReadAsLeaveUnchanged() {
        assertThrows(IllegalArgumentException.class, () -> security.setOwner(image, -1, QEMU_GID, true));
    }
}
