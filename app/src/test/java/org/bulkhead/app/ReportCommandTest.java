package org.bulkhead.app;

import org.bulkhead.app.wiring.Wiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code bulkhead report} on the embedded test driver, and on connections that cannot be opened. */
class ReportCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = Main.commandLine(Wiring::real);
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        return line.execute(args);
    }

    @Test
    void jsonShowsTheTestDomainWithTheTestDriversModelAndLabel() throws Exception {
        assertEquals(0, run("report", "--connect", "test:///default", "--format", "json"), err.toString());
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertEquals("testSecurity", root.path("securityModels").path(0).path("model").asText());
        JsonNode test = root.path("domains").path(0);
        assertEquals("test", test.path("name").asText());
        assertEquals("running", test.path("state").asText());
        assertEquals("testSecurity", test.path("securityModel").asText());
        assertEquals("libvirt-test", test.path("label").asText());
        assertTrue(test.path("enforcing").asText().contains("simulated"), test.toString());
        assertEquals("/guest/diskimage1", test.path("resources").path(0).path("path").asText());
    }

    @Test
    void theTableIsTheDefaultFormatAndNamesTheDomainAndItsLabel() {
        assertEquals(0, run("report"), err.toString());
        String table = out.toString();
        assertTrue(table.contains("test:///default"), table);
        assertTrue(table.lines().anyMatch(line -> line.startsWith("test ") && line.contains("libvirt-test")), table);
    }

    @Test
    void aBadUriIsOneClearLineOnStderrAndAFailingExit() {
        int exit = run("report", "--connect", "qemu+nosuch:///system");
        assertEquals(2, exit, "refused before anything is opened");
        assertEquals("", out.toString());
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("bulkhead report: Invalid value for option '--connect': Unknown transport"
                + " \"nosuch\""), message);
        assertFalse(message.contains("Exception"), message);
    }

    @Test
    void anUnknownFormatIsRefusedWithUsage() {
        assertEquals(2, run("report", "--format", "yaml"));
        assertTrue(err.toString().contains("yaml"), err.toString());
    }
}
