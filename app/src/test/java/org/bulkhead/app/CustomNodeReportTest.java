package org.bulkhead.app;

import org.bulkhead.app.wiring.Wiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.bulkhead.hostsec.LocalHostSecurity;
import picocli.CommandLine;

/**
 * {@code bulkhead report} on a custom test node whose disks are real local files: the planned
 * label stands beside the one read from each file's {@code security.selinux} xattr, and a
 * file carrying another VM's categories is marked as differing.
 */
class CustomNodeReportTest {

    @TempDir
    Path dir;

    @Test
    void plannedAndActualLabelsStandSideBySideAndDifferencesAreMarked() throws Exception {
        Path right = Files.write(dir.resolve("right.img"), new byte[4096]);
        Path wrong = Files.write(dir.resolve("wrong.img"), new byte[4096]);
        var security = LocalHostSecurity.create();
        // written in another order than planned: still the same label
        security.setSelinuxLabel(right, "system_u:object_r:svirt_image_t:s0:c2,c1", true);
        security.setSelinuxLabel(wrong, "system_u:object_r:svirt_image_t:s0:c7,c9", true);
        Path node = Files.writeString(dir.resolve("node.xml"), "<node>"
                + domain("alpha", right, "s0:c1,c2") + domain("beta", wrong, "s0:c3,c4") + "</node>",
                StandardCharsets.UTF_8);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine(Wiring::real);
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        assertEquals(0, line.execute("report", "--connect", "test://" + node, "--format", "json"), err.toString());

        JsonNode domains = new ObjectMapper().readTree(out.toString()).path("domains");
        JsonNode alpha = domains.path(0).path("resources").path(0);
        assertEquals(right.toString(), alpha.path("path").asText());
        assertEquals("system_u:object_r:svirt_image_t:s0:c1,c2", alpha.path("planned").asText());
        assertEquals("system_u:object_r:svirt_image_t:s0:c2,c1", alpha.path("actual").asText());
        assertEquals("matches", alpha.path("verdict").asText(), alpha.toString());

        JsonNode beta = domains.path(1).path("resources").path(0);
        assertEquals("system_u:object_r:svirt_image_t:s0:c3,c4", beta.path("planned").asText());
        assertEquals("system_u:object_r:svirt_image_t:s0:c7,c9", beta.path("actual").asText());
        assertEquals("differs", beta.path("verdict").asText(), beta.toString());

        line.execute("report", "--connect", "test://" + node, "--format", "table");
        assertTrue(out.toString().lines().anyMatch(row -> row.contains(wrong.toString())
                && row.contains("s0:c3,c4") && row.contains("s0:c7,c9") && row.contains("DIFFERS")), out.toString());
    }

    private static String domain(String name, Path disk, String range) {
        return "<domain type='test'><name>" + name + "</name><memory>65536</memory><os><type>hvm</type></os>"
                + "<devices><disk type='file' device='disk'><source file='" + disk + "'/><target dev='vda'/></disk>"
                + "</devices><seclabel type='static' model='selinux' relabel='yes'>"
                + "<label>system_u:system_r:svirt_t:" + range + "</label></seclabel></domain>";
    }
}
