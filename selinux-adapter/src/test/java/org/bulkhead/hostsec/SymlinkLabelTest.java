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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whether a symbolic link or its target gets the label is the caller's choice, and it holds. */
class SymlinkLabelTest {

    private static final String LINK_LABEL = "system_u:object_r:virt_image_t:s0";
    private static final String TARGET_LABEL = "system_u:object_r:svirt_image_t:s0:c1,c2";

    private Path dir;
    private Path target;
    private Path link;

    @BeforeAll
    static void asRoot() {
        RealHost.requireRoot();
    }

    @BeforeEach
    void createLink() throws IOException {
        dir = RealHost.scratch("links");
        target = Files.writeString(dir.resolve("base.img"), "image");
        link = Files.createSymbolicLink(dir.resolve("current.img"), target.getFileName());
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
    void labellingThroughALinkLabelsItsTargetOnly(LocalHostSecurity security) {
        security.setSelinuxLabel(link, TARGET_LABEL, true);

        assertEquals(Optional.of(TARGET_LABEL), security.readLabel(target, false).selinuxContext());
        assertEquals(Optional.empty(), security.readLabel(link, false).selinuxContext());
    }

    @ParameterizedTest
    @MethodSource("routes")
    void labellingALinkItselfLeavesItsTargetAlone(LocalHostSecurity security) {
        security.setSelinuxLabel(link, LINK_LABEL, false);

        assertEquals(Optional.of(LINK_LABEL), security.readLabel(link, false).selinuxContext());
        assertEquals(Optional.empty(), security.readLabel(target, false).selinuxContext());
    }

    @ParameterizedTest
    @MethodSource("routes")
    void readingALinkWithOrWithoutFollowingGivesTheRightFile(LocalHostSecurity security) {
        security.setSelinuxLabel(link, LINK_LABEL, false);
        security.setSelinuxLabel(target, TARGET_LABEL, false);

        var followed = security.readLabel(link, true);
        var itself = security.readLabel(link, false);

        assertEquals(Optional.of(TARGET_LABEL), followed.selinuxContext());
        assertEquals(Optional.of(LINK_LABEL), itself.selinuxContext());
        assertTrue(Files.isRegularFile(link), "the followed mode is a regular file's");
        assertEquals(0100000, followed.mode() & 0170000, "the target's mode says regular file");
        assertEquals(0120000, itself.mode() & 0170000, "the link's own mode says symbolic link");
    }

    @ParameterizedTest
    @MethodSource("routes")
    void aDanglingLinkIsNamedAsSuchWhenFollowed(LocalHostSecurity security) throws IOException {
        Files.delete(target);

        var error = assertThrows(FileLabelException.class, () -> security.setSelinuxLabel(link, TARGET_LABEL, true));

        assertEquals(Reason.NOT_FOUND, error.reason());
        assertTrue(error.getMessage().contains("symbolic link whose target does not exist"), error.getMessage());
        security.setSelinuxLabel(link, LINK_LABEL, false);
        assertEquals(Optional.of(LINK_LABEL), security.readLabel(link, false).selinuxContext());
    }
}
