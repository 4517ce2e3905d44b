package org.bulkhead.hostsec;

import org.bulkhead.hostsec.driver.HostFacts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bulkhead.model.hostsec.FileLabelException;
import org.bulkhead.model.hostsec.FileLabelException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Putting labels back after a VM: restorecon's default from a real file_contexts through the real
 * libselinux, and the original libvirt remembered in trusted.libvirt.security.* xattrs.
 */
class RestoreLabelTest {

    private static final String VM_LABEL = "system_u:object_r:svirt_image_t:s0:c471,c901";
    private static final String IMAGE_DEFAULT = "system_u:object_r:virt_image_t:s0";
    private static final String DIR_DEFAULT = "system_u:object_r:virt_image_dir_t:s0";
    private static final String LINK_DEFAULT = "system_u:object_r:virt_link_t:s0";
    private static final String ORIGINAL = "system_u:object_r:user_home_t:s0";

    private Path dir;
    private Path images;
    private Path image;
    private LocalHostSecurity security;

    @BeforeAll
    static void asRoot() {
        RealHost.requireRoot();
    }

    @BeforeEach
    void createPolicyAndImage() throws IOException {
        dir = RealHost.scratch("restore");
        images = Files.createDirectory(dir.resolve("images"));
        image = Files.writeString(images.resolve("vm.qcow2"), "image");
        String prefix = images.toRealPath().toString();
        // A file_contexts in restorecon's own syntax; the file-type column makes the mode matter.
        Path fileContexts = Files.writeString(dir.resolve("file_contexts"), String.join("\n",
                prefix + "(/.*)?\t" + IMAGE_DEFAULT,
                prefix + "\t-d\t" + DIR_DEFAULT,
                prefix + "/.*\\.lnk\t-l\t" + LINK_DEFAULT,
                prefix + "/unlabelled\t<<none>>",
                ""));
        security = LocalHostSecurity.create(HostFacts.thisHost().withFileContexts(fileContexts));
    }

    @AfterEach
    void cleanUp() throws IOException {
        RealHost.delete(dir);
    }

    @Test
    void theDefaultLabelDependsOnWhetherThePathIsAFileADirectoryOrALink() throws IOException {
        Path link = Files.createSymbolicLink(images.resolve("vm.lnk"), image.getFileName());

        assertEquals(Optional.of(IMAGE_DEFAULT), security.defaultSelinuxLabel(image));
        assertEquals(Optional.of(DIR_DEFAULT), security.defaultSelinuxLabel(images));
        assertEquals(Optional.of(LINK_DEFAULT), security.defaultSelinuxLabel(link));
    }

    @Test
    void aPathThePolicyLeavesUnlabelledHasNoDefault() {
        assertEquals(Optional.empty(), security.defaultSelinuxLabel(images.resolve("unlabelled")));
    }

    @Test
    void restoringTheDefaultReplacesAVmLabel() {
        security.setSelinuxLabel(image, VM_LABEL, true);

        assertEquals(IMAGE_DEFAULT, security.restoreDefaultLabel(image, true));
        assertEquals(Optional.of(IMAGE_DEFAULT), security.readLabel(image, true).selinuxContext());
    }

    @Test
    void restoringTheDefaultThroughALinkLabelsTheTargetByTheTargetsRule() throws IOException {
        Path link = Files.createSymbolicLink(images.resolve("vm.lnk"), image.getFileName());

        assertEquals(IMAGE_DEFAULT, security.restoreDefaultLabel(link, true));
        assertEquals(Optional.of(IMAGE_DEFAULT), security.readLabel(image, false).selinuxContext());
        assertEquals(Optional.empty(), security.readLabel(link, false).selinuxContext());

        assertEquals(LINK_DEFAULT, security.restoreDefaultLabel(link, false));
        assertEquals(Optional.of(LINK_DEFAULT), security.readLabel(link, false).selinuxContext());
    }

    @Test
    void withoutAPolicyThereIsNoDefaultAndRestoringSaysWhy() {
        var noPolicy = LocalHostSecurity.create(HostFacts.thisHost().withFileContexts(dir.resolve("absent")));
        security.setSelinuxLabel(image, VM_LABEL, true);

        assertEquals(Optional.empty(), noPolicy.defaultSelinuxLabel(image));
        var error = assertThrows(FileLabelException.class, () -> noPolicy.restoreDefaultLabel(image, true));
        assertEquals(Reason.NOT_SUPPORTED, error.reason());
        assertTrue(error.getMessage().contains("no file-context policy"), error.getMessage());
        assertEquals(Optional.of(VM_LABEL), security.readLabel(image, true).selinuxContext());
    }

    @Test
    void withoutLibselinuxThereIsNoDefault() {
        var withoutLibrary = LocalHostSecurity.create(HostFacts.thisHost().withLibselinux(Optional.empty())
                .withFileContexts(dir.resolve("file_contexts")));

        assertEquals(Optional.empty(), withoutLibrary.defaultSelinuxLabel(image));
    }

    @Test
    void theOriginalLibvirtRememberedComesBackAndLibvirtsRecordIsCleared() {
        rememberAsLibvirtDoes(image, ORIGINAL);
        security.setSelinuxLabel(image, VM_LABEL, true);

        assertEquals(Optional.of(ORIGINAL), security.rememberedSelinuxLabel(image, true));
        assertEquals(Optional.of(ORIGINAL), security.restoreRememberedLabel(image, true));

        assertEquals(Optional.of(ORIGINAL), security.readLabel(image, true).selinuxContext());
        assertEquals(Optional.empty(), security.rememberedSelinuxLabel(image, true));
        String left = RealHost.run("getfattr", "--absolute-names", "-d", "-m", "trusted\\.", image.toString());
        assertFalse(left.contains("libvirt"), "libvirt's xattrs should be gone, found: " + left);
    }

    @Test
    void withNothingRememberedRestoringLeavesTheFileAsItIs() {
        security.setSelinuxLabel(image, VM_LABEL, true);

        assertEquals(Optional.empty(), security.restoreRememberedLabel(image, true));
        assertEquals(Optional.of(VM_LABEL), security.readLabel(image, true).selinuxContext());
    }

    @Test
    void theRememberedLabelIsFoundThroughALinkOnlyWhenFollowingIt() throws IOException {
        Path link = Files.createSymbolicLink(images.resolve("vm.lnk"), image.getFileName());
        rememberAsLibvirtDoes(image, ORIGINAL);

        assertEquals(Optional.of(ORIGINAL), security.rememberedSelinuxLabel(link, true));
        assertEquals(Optional.empty(), security.rememberedSelinuxLabel(link, false));
    }

    @Test
    void aRememberedLabelThatIsNotAContextIsRefusedAndLibvirtsRecordKept() {
        rememberAsLibvirtDoes(image, "not a context");
        security.setSelinuxLabel(image, VM_LABEL, true);

        var error = assertThrows(FileLabelException.class, () -> security.restoreRememberedLabel(image, true));

        assertEquals(Reason.INVALID_LABEL, error.reason());
        assertEquals(Optional.of("not a context"), security.rememberedSelinuxLabel(image, true));
        assertEquals(Optional.of(VM_LABEL), security.readLabel(image, true).selinuxContext());
    }

    /** What libvirt writes on first relabel: the original without NUL, one reference, boot time. */
    private static void rememberAsLibvirtDoes(Path file, String original) {
        RealHost.run("setfattr", "-n", "trusted.libvirt.security.selinux", "-v", original, file.toString());
        RealHost.run("setfattr", "-n", "trusted.libvirt.security.ref_selinux", "-v", "1", file.toString());
        RealHost.run("setfattr", "-n", "trusted.libvirt.security.timestamp_selinux", "-v", "1700000000",
                file.toString());
    }
}
