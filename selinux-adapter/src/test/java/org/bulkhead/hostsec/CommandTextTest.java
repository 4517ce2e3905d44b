package org.bulkhead.hostsec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The commands shown before a change do exactly that change when pasted into a shell. */
class CommandTextTest {

    private static final String LABEL = "system_u:object_r:svirt_image_t:s0:c7,c8";
    /** Quotes, spaces, a newline, and shell syntax that would run if left unquoted. */
    private static final String HOSTILE_NAME = "it's a \"disk\" $(touch pwned) `id`;\nrm -rf x.img";

    private Path dir;
    private final LocalHostSecurity security = LocalHostSecurity.create();

    @BeforeAll
    static void asRoot() {
        RealHost.requireRoot();
    }

    @BeforeEach
    void createDirectory() throws IOException {
        dir = RealHost.scratch("commands");
    }

    @AfterEach
    void cleanUp() throws IOException {
        RealHost.delete(dir);
    }

    @Test
    void chconReadsAsAPersonWouldTypeIt() {
        assertEquals("chcon -h 'system_u:object_r:svirt_image_t:s0:c7,c8' '/var/lib/libvirt/images/a b.qcow2'",
                security.chconCommand(Path.of("/var/lib/libvirt/images/a b.qcow2"), LABEL, false));
        assertEquals("chcon 'system_u:object_r:svirt_image_t:s0:c7,c8' '/var/lib/libvirt/images/a.qcow2'",
                security.chconCommand(Path.of("/var/lib/libvirt/images/a.qcow2"), LABEL, true));
    }

    @Test
    void chconForAHostilePathLabelsThatFileAndRunsNothingElse() throws IOException {
        Path image = Files.writeString(dir.resolve(HOSTILE_NAME), "image");

        RealHost.run("sh", "-c", security.chconCommand(image, LABEL, true));

        assertEquals(Optional.of(LABEL), security.readLabel(image, true).selinuxContext());
        try (var entries = Files.list(dir)) {
            assertEquals(1, entries.count(), "nothing but the image may exist: no 'pwned' file");
        }
    }

    @Test
    void chconWithoutFollowingLabelsTheLinkItself() throws IOException {
        Path target = Files.writeString(dir.resolve("base.img"), "image");
        Path link = Files.createSymbolicLink(dir.resolve(HOSTILE_NAME), target.getFileName());

        RealHost.run("sh", "-c", security.chconCommand(link, LABEL, false));

        assertEquals(Optional.of(LABEL), security.readLabel(link, false).selinuxContext());
        assertEquals(Optional.empty(), security.readLabel(target, false).selinuxContext());
    }

    @Test
    void chownForAHostilePathGivesThatFileTheNumericOwner() throws IOException {
        Path image = Files.writeString(dir.resolve(HOSTILE_NAME), "image");

        String command = security.chownCommand(image, 200002, 64055, false);
        RealHost.run("sh", "-c", command);

        assertEquals(200002, Files.getAttribute(image, "unix:uid", LinkOption.NOFOLLOW_LINKS), command);
        assertEquals(64055, Files.getAttribute(image, "unix:gid", LinkOption.NOFOLLOW_LINKS), command);
    }
}
