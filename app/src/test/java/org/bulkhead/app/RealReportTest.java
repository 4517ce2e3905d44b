package org.bulkhead.app;

import org.bulkhead.app.wiring.Wiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.testing.Commands;
import picocli.CommandLine;

/**
 * {@code bulkhead report} against the real libvirtd: each DAC-isolated domain shows its own UID,
 * and its image's actual owner, read from the file, matches the plan while it runs.
 */
@Tag("real-libvirt")
class RealReportTest {

    private static final Path IMAGES = Path.of("/var/lib/libvirt/images");
    private final List<String> domains = new ArrayList<>();
    private HypervisorConnection connection;
    private Path dir;

    private static String uri() {
        String uri = System.getProperty("bulkhead.libvirt.uri", "");
        Assumptions.assumeFalse(uri.isBlank(), "bulkhead.libvirt.uri is not set: no real libvirtd to report on");
        return uri;
    }

    @Test
    void eachIsolatedDomainShowsItsOwnUidAndItsImagesActualOwner() throws Exception {
        String uri = uri();
        connection = Wiring.real().hypervisor().open(uri);
        int gid = (int) Files.getAttribute(Path.of("/var/lib/libvirt/qemu"), "unix:gid");
        dir = Files.createDirectory(IMAGES.resolve("bulkhead-report-" + UUID.randomUUID()),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        String a = start("a", 200101, gid);
        String b = start("b", 200102, gid);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine(Wiring::real);
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        assertEquals(0, line.execute("report", "--connect", uri, "--format", "json"), err.toString());

        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertDomain(report, a, "+200101:+" + gid);
        assertDomain(report, b, "+200102:+" + gid);
    }

    private static void assertDomain(JsonNode report, String name, String owner) {
        JsonNode domain = null;
        for (JsonNode candidate : report.path("domains")) {
            if (candidate.path("name").asText().equals(name)) {
                domain = candidate;
            }
        }
        assertNotEquals(null, domain, name + " is in the report: " + report);
        assertEquals("running", domain.path("state").asText(), domain.toString());
        assertEquals("dac", domain.path("securityModel").asText(), domain.toString());
        assertEquals(owner, domain.path("label").asText(), domain.toString());
        JsonNode disk = domain.path("resources").path(0);
        assertTrue(disk.path("path").asText().endsWith(name + ".qcow2"), disk.toString());
        assertEquals(owner, disk.path("planned").asText(), disk.toString());
        // the actual owner read from the file, followed by its mode
        assertTrue(disk.path("actual").asText().matches("\\Q" + owner + "\\E [0-7]{4}"), disk.toString());
        assertEquals("matches", disk.path("verdict").asText(), disk.toString());
    }

    private String start(String which, int uid, int gid) throws Exception {
        String name = "bulkhead-report-" + which + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path image = dir.resolve(name + ".qcow2");
        Commands.Result qemuImg = Commands.run("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "16M");
        assertEquals(0, qemuImg.exitCode(), qemuImg.output());
        DomainRecord defined = connection.define("<domain type='qemu'><name>" + name + "</name>"
                + "<memory unit='MiB'>64</memory><os><type arch='x86_64'>hvm</type></os><devices>"
                + "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
                + "<source file='" + image + "'/><target dev='vda' bus='virtio'/></disk></devices>"
                + "<seclabel type='static' model='dac' relabel='yes'><label>+" + uid + ":+" + gid + "</label>"
                + "</seclabel></domain>");
        domains.add(defined.uuid());
        connection.start(defined.uuid());
        return name;
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (connection != null) {
            for (String uuid : domains) {
                connection.domain(uuid).ifPresent(d -> {
                    if (d.state().isActive()) {
                        connection.destroy(uuid);
                    }
                    connection.undefine(uuid, false);
                });
            }
            connection.close();
        }
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
