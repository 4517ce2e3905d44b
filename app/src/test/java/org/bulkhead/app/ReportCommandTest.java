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
        return run(Wiring::real, args);
    }

    private int run(java.util.function.Supplier<Wiring> wiring, String... args) {
        CommandLine line = Main.commandLine(wiring);
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

    /** The test driver's domain runs as "libvirt-test"; an AppArmor-style record names it as the profile. */
    private static final String DENIED_BY_TEST = "type=AVC msg=audit(1796050873.064:644): apparmor=\"DENIED\""
            + " operation=\"open\" profile=\"libvirt-test\" name=\"/guest/other-disk\" pid=4242"
            + " comm=\"qemu-system-x86\" requested_mask=\"r\" denied_mask=\"r\"\n";

    private java.util.function.Supplier<Wiring> withAuditLog(java.nio.file.Path log) {
        return () -> Wiring.of(new org.bulkhead.libvirt.LibvirtHypervisor(),
                org.bulkhead.hostsec.LocalHostSecurity.withAuditLog(log));
    }

    @Test
    void jsonListsEachDomainsDenialsWithWhatWasTouchedAndWhetherItWasRefused(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path log = dir.resolve("audit.log");
        java.nio.file.Files.writeString(log, DENIED_BY_TEST);
        assertEquals(0, run(withAuditLog(log), "report", "--format", "json"), err.toString());
        JsonNode denials = new ObjectMapper().readTree(out.toString()).path("domains").path(0).path("denials");
        assertEquals(1, denials.size(), denials.toString());
        JsonNode denial = denials.path(0);
        assertEquals("2026-11-30T15:01:13.064Z", denial.path("time").asText());
        assertEquals("open r", denial.path("action").asText());
        assertEquals("/guest/other-disk", denial.path("object").asText());
        assertTrue(denial.path("enforced").asBoolean());
        assertEquals("refused", denial.path("outcome").asText());
        assertTrue(denial.path("explanation").asText().startsWith("test tried to open r '/guest/other-disk'; refused by"
                + " AppArmor"), denial.toString());
    }

    @Test
    void anUnreadableAuditLogIsNullWithTheReasonNeverAnEmptyList(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertEquals(0, run(withAuditLog(dir.resolve("nosuch.log")), "report", "--format", "json"), err.toString());
        JsonNode test = new ObjectMapper().readTree(out.toString()).path("domains").path(0);
        assertTrue(test.path("denials").isNull(), test.toString());
        assertTrue(test.path("denialsUnreadable").asText().contains("no such file"), test.toString());
    }

    @Test
    void theTableCountsEachDomainsDenialsOrSaysTheyWereNotRead(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path log = dir.resolve("audit.log");
        java.nio.file.Files.writeString(log, DENIED_BY_TEST + DENIED_BY_TEST.replace(":644", ":645")
                .replace("DENIED", "ALLOWED"));
        assertEquals(0, run(withAuditLog(log), "report"), err.toString());
        assertTrue(out.toString().contains("denials: 2 (1 refused, 1 logged, not enforced)"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, run(withAuditLog(dir.resolve("nosuch.log")), "report"), err.toString());
        assertTrue(out.toString().contains("denials: not read"), out.toString());
        assertTrue(out.toString().contains("Denials:    not read: cannot read the audit log"), out.toString());
    }

    @Test
    void aLogLargerThanOneReadIsReadFromItsEndAndTheReportSaysOlderRecordsWereNotRead(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path log = dir.resolve("audit.log");
        String old = "type=DAEMON_START msg=audit(1796050000.000:1): op=start\n";
        try (var writer = java.nio.file.Files.newBufferedWriter(log)) {
            for (long written = 0; written <= org.bulkhead.model.audit.AuditReading.MAX_READ_BYTES; written += old.length()) {
                writer.write(old);
            }
            writer.write(DENIED_BY_TEST);
        }
        assertEquals(0, run(withAuditLog(log), "report", "--format", "json"), err.toString());
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertTrue(root.path("denialsOlderNotRead").asText().startsWith("older records not read"), root.toString());
        assertEquals(1, root.path("domains").path(0).path("denials").size(), "the newest denial is read");

        out.getBuffer().setLength(0);
        assertEquals(0, run(withAuditLog(log), "report"), err.toString());
        assertTrue(out.toString().contains("Denials:    older records not read"), out.toString());
    }
}
