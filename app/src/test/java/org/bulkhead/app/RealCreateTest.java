package org.bulkhead.app;

import org.bulkhead.app.wiring.Wiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.label.DacLabel;
import org.bulkhead.model.testing.Commands;
import picocli.CommandLine;

/**
 * {@code bulkhead create} against the real libvirtd on this DAC-only host: an isolated VM with a
 * small new volume in a pool of the test's own, emulated, verified, and its QEMU running as a UID
 * of its own that also owns the image.
 */
@Tag("real-libvirt")
class RealCreateTest {


    private RealPool pool;

    @BeforeEach
    void createPool() throws Exception {
        pool = RealPool.create("create-real");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void anIsolatedEmulatedVmIsVerifiedAndItsQemuRunsAsItsOwnUid() throws Exception {
        String name = pool.prefix + "-vm";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine(Wiring::real);
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int exit = line.execute("create", name, "--connect", pool.uri, "--pxe", "--memory", "64", "--emulate",
                "--pool", pool.name, "--disk-size", "1", "--no-network", "--yes", "--format", "json");
        assertEquals(0, exit, err + "\n" + out);

        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertEquals("created", root.path("result").asText(), root.toString());
        assertEquals("qemu", root.path("emulation").path("virtType").asText(), "TCG");
        assertEquals("verified", root.path("verification").path("verdict").asText(), root.toString());
        assertTrue(root.path("isolation").path("isolated").asBoolean());
        assertEquals("dac", root.path("isolation").path("model").asText());

        DomainRecord record = pool.check.domain(root.path("outcome").path("uuid").asText()).orElseThrow();
        var spec = DomainXml.parse(record.xml());
        DacLabel label = DacLabel.parse(spec.seclabel("dac").orElseThrow().label().orElseThrow());
        assertEquals(root.path("isolation").path("label").asText(), "+" + label.uid().getAsInt() + ":+"
                + label.gid().getAsInt());
        int uid = label.uid().getAsInt();
        int libvirtQemu = Integer.parseInt(Commands.run("id", "-u", "libvirt-qemu").output().strip());
        assertNotEquals(libvirtQemu, uid, "not libvirt's shared QEMU user");

        long pid = record.pid().orElseThrow();
        assertEquals(uid, Files.getAttribute(Path.of("/proc", Long.toString(pid)), "unix:uid"), "QEMU runs as its UID");
        Path image = Path.of(spec.disks().get(0).path().orElseThrow());
        assertTrue(image.startsWith(pool.dir), image.toString());
        assertEquals(uid, Files.getAttribute(image, "unix:uid"), "libvirt chowned the image to the VM's UID");
        assertEquals(0600, (Integer) Files.getAttribute(image, "unix:mode") & 0777, "the image is private");
    }
}
