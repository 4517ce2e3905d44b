package org.bulkhead.hostsec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bulkhead.hostsec.jna.Errno;
import org.bulkhead.hostsec.jna.ErrnoException;
import org.bulkhead.hostsec.jna.Libc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The libc binding's edges: values longer than its first buffer, absent attributes, errno. */
class LibcXattrTest {

    private final Libc libc = Libc.load().orElseThrow();
    private Path dir;
    private Path file;

    @BeforeAll
    static void asRoot() {
        RealHost.requireRoot();
    }

    @BeforeEach
    void createFile() throws IOException {
        dir = RealHost.scratch("libc");
        file = Files.writeString(dir.resolve("f"), "x");
    }

    @AfterEach
    void cleanUp() throws IOException {
        RealHost.delete(dir);
    }

    @Test
    void aValueLongerThanTheFirstBufferIsReadWhole() {
        byte[] value = "c".repeat(3000).getBytes(StandardCharsets.US_ASCII);
        libc.setxattr(file, "trusted.bulkhead.test", value, true);

        assertArrayEquals(value, libc.getxattr(file, "trusted.bulkhead.test", true).orElseThrow());
    }

    @Test
    void anAbsentAttributeIsEmptyAndRemovingItReportsSo() {
        assertEquals(Optional.empty(), libc.getxattr(file, "trusted.bulkhead.absent", true));
        assertFalse(libc.removexattr(file, "trusted.bulkhead.absent", true));
    }

    @Test
    void aMissingFileCarriesEnoent() {
        var error = assertThrows(ErrnoException.class,
                () -> libc.getxattr(dir.resolve("gone"), "security.selinux", false));

        assertEquals(Errno.ENOENT, error.errno());
        assertEquals("lgetxattr", error.call());
        assertTrue(error.getMessage().contains("ENOENT"), error.getMessage());
    }
}
