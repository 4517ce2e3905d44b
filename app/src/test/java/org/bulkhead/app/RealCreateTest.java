package org.bulkhead.app;

import org.bulkhead.app.wiring.Wiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.label.DacLabel;
import picocli.CommandLine;

/**
 * {@code bulkhead create} against the real libvirtd on this DAC-only host: an isolated VM with a
 * small new volume in a pool of the test's own, emulated, verified, and its QEMU running as a UID
 * of its own that also owns the image.
 */
@Tag("real-libvirt")
class RealCreateTest {

    private final String prefix = "bh-create-real-" + UUID.randomUUID().toString().substring(0, 8);
    private String uri;
    private HypervisorConnection check;
    private String pool;
    private Path poolDir;

    @BeforeEach
    void createPool() throws Exception {
        uri = System.getProperty("bulkhead.libvirt.uri", "");
        Assumptions.assumeFalse(uri.isBlank(), "bulkhead.libvirt.uri is not set: no real libvirtd to create on");
        check = new LibvirtHypervisor().open(uri);
        assertTrue(check.hostInfo().local(), "this test reads files and processes on this host");
        pool = prefix + "-pool";
        poolDir = Path.of("/var/lib/libvirt/images", pool);
        Shell created = Shell.run("virsh", "-c", uri, "pool-create-as", pool, "dir", "--target", poolDir.toString(),
                "--build");
        assertEquals(0, created.exit(), created.output());
        // Each VM's own UID must traverse the pool's directory to reach its image.
        assertEquals(0, Shell.run("chmod", "0711", poolDir.toString()).exit());
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (check == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        try {
            for (DomainRecord domain : check.listDomains()) {
                if (domain.name().startsWith(prefix)) {
                    if (domain.state().isActive()) {
                        check.destroy(domain.uuid());
                    }
                    check.undefine(domain.uuid(), true);
                }
            }
        } finally {
            Shell destroyed = Shell.run("virsh", "-c", uri, "pool-destroy", pool);
            if (destroyed.exit() != 0) {
                problems.add(destroyed.output());
            }
            try (var files = Files.list(poolDir)) {
                assertEquals(List.of(), files.toList(), "no volume is left in the pool");
            } finally {
                Shell.run("rm", "-rf", poolDir.toString());
                check.close();
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void anIsolatedEmulatedVmIsVerifiedAndItsQemuRunsAsItsOwnUid() throws Exception {
        String name = prefix + "-vm";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine(Wiring::real);
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int exit = line.execute("create", name, "--connect", uri, "--pxe", "--memory", "64", "--emulate",
                "--pool", pool, "--disk-size", "1", "--no-network", "--yes", "--format", "json");
        assertEquals(0, exit, err + "\n" + out);

        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertEquals("created", root.path("result").asText(), root.toString());
        assertEquals("qemu", root.path("emulation").path("virtType").asText(), "TCG");
        assertEquals("verified", root.path("verification").path("verdict").asText(), root.toString());
        assertTrue(root.path("isolation").path("isolated").asBoolean());
        assertEquals("dac", root.path("isolation").path("model").asText());

        DomainRecord record = check.domain(root.path("outcome").path("uuid").asText()).orElseThrow();
        var spec = DomainXml.parse(record.xml());
        DacLabel label = DacLabel.parse(spec.seclabel("dac").orElseThrow().label().orElseThrow());
        assertEquals(root.path("isolation").path("label").asText(), "+" + label.uid().getAsInt() + ":+"
                + label.gid().getAsInt());
        int uid = label.uid().getAsInt();
        int libvirtQemu = Integer.parseInt(Shell.run("id", "-u", "libvirt-qemu").output().strip());
        assertNotEquals(libvirtQemu, uid, "not libvirt's shared QEMU user");

        long pid = record.pid().orElseThrow();
        assertEquals(uid, Files.getAttribute(Path.of("/proc", Long.toString(pid)), "unix:uid"), "QEMU runs as its UID");
        Path image = Path.of(spec.disks().get(0).path().orElseThrow());
        assertTrue(image.startsWith(poolDir), image.toString());
        assertEquals(uid, Files.getAttribute(image, "unix:uid"), "libvirt chowned the image to the VM's UID");
        assertEquals(0600, (Integer) Files.getAttribute(image, "unix:mode") & 0777, "the image is private");
    }
}
