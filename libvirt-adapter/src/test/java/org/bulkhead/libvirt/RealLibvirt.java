package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.testing.Commands;
import org.junit.jupiter.api.Assumptions;

/**
 * The real libvirtd named by {@code -Dbulkhead.libvirt.uri} (scripts/real-libvirtd starts one),
 * and the scratch files and domains the real-libvirt tests create and always remove.
 */
final class RealLibvirt {

    static final String URI_PROPERTY = "bulkhead.libvirt.uri";

    /** Under libvirt's own image directory, which QEMU's users may traverse on Debian. */
    private static final Path IMAGES = Path.of("/var/lib/libvirt/images");

    private RealLibvirt() {
    }

    /** Opens the configured daemon; skips when none is configured, fails when it is unreachable. */
    static LibvirtConnection open() {
        String uri = System.getProperty(URI_PROPERTY, "");
        Assumptions.assumeFalse(uri.isBlank(), URI_PROPERTY + " is not set: no real libvirtd to test against");
        try {
            return new LibvirtHypervisor().open(uri);
        } catch (HypervisorException e) {
            return fail(URI_PROPERTY + "=" + uri + " is set but unreachable: " + e.userMessage(), e);
        }
    }

    /** These tests inspect image files and QEMU processes, so the daemon must be on this host. */
    static void requireLocalRoot(HypervisorConnection connection) {
        assertTrue(connection.hostInfo().local(), "the real-libvirt tests need a daemon on this host");
        assertEquals("root", System.getProperty("user.name"), "the real-libvirt tests run as root");
    }

    static String uniqueName(String what) {
        return "bulkhead-test-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh root-owned folder that libvirt's QEMU users can traverse but not list. */
    static Path freshImageDir() throws IOException {
        Path dir = IMAGES.resolve(uniqueName("images"));
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        return dir;
    }

    /** A 16 MiB qcow2 image made by qemu-img, root-owned, mode 0600. */
    static Path qcow2(Path file) throws IOException {
        Commands.Result created = Commands.run("qemu-img", "create", "-q", "-f", "qcow2", file.toString(), "16M");
        assertEquals(0, created.exitCode(), created.output());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** A small TCG domain: guest code can run here even where KVM cannot boot a kernel. */
    static String qemuDomain(String name, String devices, String seclabel) {
        return "<domain type='qemu'>"
                + "<name>" + TestDomains.escape(name) + "</name>"
                + "<memory unit='MiB'>64</memory>"
                + "<os><type arch='x86_64'>hvm</type></os>"
                + "<devices>" + devices + "</devices>"
                + seclabel
                + "</domain>";
    }

    static String qcow2Disk(Path image, String target) {
        return "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
                + "<source file='" + TestDomains.escape(image.toString()) + "'/>"
                + "<target dev='" + target + "' bus='virtio'/></disk>";
    }

    /**
     * Stops and undefines every domain, then deletes the folder, trying every step even when one
     * fails, and reports all failures at the end so a broken run leaves nothing behind unnoticed.
     */
    static void cleanUp(HypervisorConnection connection, List<String> domainUuids, Path... dirs) {
        List<String> problems = new ArrayList<>();
        if (connection != null) {
            for (String uuid : domainUuids) {
                try {
                    DomainRecord domain = connection.domain(uuid).orElse(null);
                    if (domain != null && domain.state().isActive()) {
                        connection.destroy(uuid);
                    }
                    if (domain != null) {
                        connection.undefine(uuid, false);
                    }
                } catch (HypervisorException e) {
                    problems.add(e.userMessage());
                }
            }
            connection.close();
        }
        for (Path dir : dirs) {
            try {
                deleteTree(dir);
            } catch (UncheckedIOException | IOException e) {
                problems.add("could not delete " + dir + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            fail("clean-up left things behind: " + problems);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
