package org.bulkhead.app;

import org.bulkhead.app.wiring.Wiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.bulkhead.hostsec.LocalHostSecurity;
import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.testing.ScriptedHypervisor;
import picocli.CommandLine;

/**
 * {@code bulkhead create} on the embedded test driver: what it defines, what it refuses, and
 * that a refusal defines nothing. The test keeps its own connection open, so the test driver's
 * state outlives each command's connection and can be checked afterwards.
 */
class CreateCommandTest {

    private static final String URI = "test:///default";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HypervisorConnection check;

    @BeforeEach
    void open() {
        check = new LibvirtHypervisor().open(URI);
    }

    @AfterEach
    void close() {
        check.close();
    }

    private int run(String... args) {
        return run(Wiring.real(), args);
    }

    private int run(Wiring wiring, String... args) {
        CommandLine line = Main.commandLine(() -> wiring);
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        return line.execute(args);
    }

    private List<String> names() {
        return check.listDomains().stream().map(DomainRecord::name).sorted().toList();
    }

    private Optional<DomainRecord> domain(String name) {
        return check.listDomains().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    private static SecLabel seclabel(DomainRecord record) {
        return DomainXml.parse(record.xml()).seclabels().get(0);
    }

    private String stdoutLine(String prefix) {
        return out.toString().lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length())).orElseThrow(() -> new AssertionError(prefix + " in " + out));
    }

    @Test
    void anIsolatedVmIsDefinedAndStartedWithTheStaticLabelTheLedgerGaveIt() {
        assertEquals(0, run("create", "bh-create-iso", "--pxe", "--yes"), err.toString());

        DomainRecord record = domain("bh-create-iso").orElseThrow();
        assertTrue(record.state().isActive(), "started");
        assertEquals(stdoutLine("uuid: "), record.uuid());
        SecLabel seclabel = seclabel(record);
        assertEquals(Optional.of(SecLabel.Type.STATIC), seclabel.type(), record.xml());
        String label = seclabel.label().orElseThrow();
        assertTrue(label.matches("system_u:system_r:svirt_t:s0:c\\d+,c\\d+"), label);
        assertTrue(stdoutLine("label: ").startsWith(label), out.toString());
        assertEquals("isolated (testSecurity)", stdoutLine("isolation: "));
        assertTrue(err.toString().contains("[done] Define the VM"), "progress on stderr: " + err);
        assertTrue(err.toString().contains("[warning] Host enforces labels"), "findings on stderr: " + err);
    }

    @Test
    void twoIsolatedVmsGetDifferentLabels() {
        assertEquals(0, run("create", "bh-create-one", "--pxe", "--yes", "--no-start"), err.toString());
        assertEquals(0, run("create", "bh-create-two", "--pxe", "--yes", "--no-start"), err.toString());
        String one = seclabel(domain("bh-create-one").orElseThrow()).label().orElseThrow();
        String two = seclabel(domain("bh-create-two").orElseThrow()).label().orElseThrow();
        assertFalse(one.equals(two), one);
        assertFalse(domain("bh-create-one").orElseThrow().state().isActive(), "--no-start defines only");
    }

    @Test
    void jsonIsOneDocumentWithFindingsStepsOutcomeAndVerification(@TempDir Path isos) throws Exception {
        // The test driver runs in this process: its ISO is a file on this machine.
        Path iso = Files.write(isos.resolve("installer.iso"), new byte[] {0});
        assertEquals(0, run("create", "bh-create-json", "--iso", iso.toString(), "--memory", "512",
                "--vcpus", "2", "--disk-size", "1", "--format", "json", "--yes"), err.toString());

        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertEquals("created", root.path("result").asText());
        assertEquals(URI, root.path("connection").asText());
        JsonNode findings = root.path("findings");
        assertTrue(findings.size() >= 5, findings.toString());
        for (JsonNode finding : findings) {
            assertFalse(finding.path("status").asText().isEmpty(), finding.toString());
            assertFalse(finding.path("explanation").asText().isEmpty(), finding.toString());
            assertTrue(finding.has("command"), finding.toString());
        }
        assertEquals("warning", findings.path(0).path("status").asText(), "attention first: " + findings);
        List<String> steps = new java.util.ArrayList<>();
        root.path("steps").forEach(s -> steps.add(s.path("step").asText() + "=" + s.path("state").asText()));
        assertEquals(List.of("check_label=done", "prepare_host=skipped", "create_volume=done", "define=done",
                "start=done", "verify=done"), steps);
        String uuid = root.path("outcome").path("uuid").asText();
        assertEquals(uuid, domain("bh-create-json").orElseThrow().uuid());
        assertEquals("simulated", root.path("verification").path("verdict").asText(), root.toString());
        assertEquals(seclabel(domain("bh-create-json").orElseThrow()).label().orElseThrow(),
                root.path("isolation").path("label").asText());
        assertEquals("", err.toString(), "no progress lines in json mode");
    }

    @Test
    void aDuplicateNameExitsNonZeroAndDefinesNothing() {
        List<String> before = names();
        int exit = run("create", "test", "--pxe", "--yes");
        assertEquals(CreateCommand.FINISH_FAILED, exit, err.toString());
        assertEquals(before, names());
        assertTrue(err.toString().contains("A domain named 'test' already exists"), err.toString());
        assertTrue(err.toString().contains("Rolled back"), err.toString());
    }

    @Test
    void noIsolatedGivesTheSharedLabel() {
        assertEquals(0, run("create", "bh-create-shared", "--pxe", "--no-isolated", "--yes"), err.toString());
        SecLabel seclabel = seclabel(domain("bh-create-shared").orElseThrow());
        assertEquals(Optional.of("system_u:system_r:svirt_t:s0"), seclabel.label(), "the shared s0 label");
        assertEquals("not isolated (testSecurity)", stdoutLine("isolation: "));
    }

    @Test
    void warningsWithoutYesDefineNothingAndSayToAddYes() {
        List<String> before = names();
        assertEquals(CreateCommand.UNCONFIRMED, run("create", "bh-create-unsure", "--pxe"));
        assertEquals(before, names());
        String last = err.toString().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.contains("--yes") && last.contains("Host enforces labels"), last);
        assertEquals("", out.toString());
    }

    @Test
    void aHostileButValidNameIsCreatedAsItIs() {
        String name = "bh-create-'quote\"<lt>&amp";
        assertEquals(0, run("create", name, "--pxe", "--yes"), err.toString());
        assertTrue(domain(name).isPresent(), names().toString());
        assertTrue(out.toString().startsWith("Created '" + name + "'"), out.toString());
    }

    @Test
    void aNameWithALineBreakIsRefusedInOneLineBeforeConnecting() {
        List<String> before = names();
        assertEquals(CreateCommand.BAD_ARGUMENTS, run("create", "bh-create\nnext", "--pxe", "--yes"));
        assertEquals(before, names());
        assertEquals(List.of("bulkhead create: A name must fit on one line: remove the line break."),
                err.toString().strip().lines().toList());
    }

    @Test
    void badArgumentsExitTwoWithOneClearLine() {
        assertEquals(2, run("create", "bh-create-bad", "--pxe", "--no-disk", "--pool", "default-pool"));
        assertEquals(List.of("bulkhead create: --no-disk cannot go with --disk-size or --pool."),
                err.toString().strip().lines().toList());
    }

    @Test
    void memoryBeyondWhatTheHostHasExitsTwoAndDefinesNothing() {
        List<String> before = names();
        assertEquals(2, run("create", "bh-create-huge", "--pxe", "--memory", "4000000", "--yes"));
        assertEquals(before, names());
        assertEquals(List.of("bulkhead create: This host has 3072 MiB of memory: give the VM at most 3072 MiB."),
                err.toString().strip().lines().toList());
    }

    @Test
    void moreVirtualCpusThanTheHostHasExitTwo() {
        assertEquals(2, run("create", "bh-create-wide", "--pxe", "--vcpus", "17", "--yes"));
        assertEquals(List.of("bulkhead create: This host has 16 CPUs: give the VM at most 16 virtual CPUs."),
                err.toString().strip().lines().toList());
    }

    @Test
    void aDiskLargerThanThePoolsFreeSpaceExitsTwoAndDefinesNothing() {
        List<String> before = names();
        assertEquals(2, run("create", "bh-create-vast", "--pxe", "--pool", "default-pool", "--disk-size", "999999",
                "--yes"));
        assertEquals(before, names());
        assertTrue(err.toString().contains("The pool 'default-pool' has ") && err.toString().contains(" GiB free"),
                err.toString());
    }

    @Test
    void aMissingIsoIsRefusedOnTheTestDriverToo() {
        List<String> before = names();
        assertEquals(2, run("create", "bh-create-noiso", "--iso", "/nonexistent/bulkhead/installer.iso", "--yes"));
        assertEquals(before, names());
        assertEquals(List.of("bulkhead create: There is no ISO at /nonexistent/bulkhead/installer.iso."),
                err.toString().strip().lines().toList());
    }

    @Test
    void aRelativeIsoPathIsRefused() {
        assertEquals(2, run("create", "bh-create-rel", "--iso", "installer.iso"));
        assertTrue(err.toString().contains("needs an absolute path"), err.toString());
    }

    @Test
    void anUnknownPoolIsABadArgumentAndDefinesNothing() {
        List<String> before = names();
        assertEquals(2, run("create", "bh-create-nopool", "--pxe", "--pool", "nosuch", "--yes"));
        assertEquals(before, names());
        assertTrue(err.toString().contains("There is no storage pool named 'nosuch'"), err.toString());
    }

    @Test
    void isolatedOnAHostWithoutSecurityDriverIsRefusedUnlessNoIsolated() {
        Wiring noDriver = Wiring.of(withoutSecurityModels(new LibvirtHypervisor()), LocalHostSecurity.create());
        List<String> before = names();
        assertEquals(CreateCommand.BLOCKED, run(noDriver, "create", "bh-create-none", "--pxe", "--yes"));
        assertEquals(before, names());
        assertTrue(err.toString().contains("This host cannot isolate the VM") && err.toString().contains("--no-isolated"),
                err.toString());

        assertEquals(0, run(noDriver, "create", "bh-create-none", "--pxe", "--yes", "--no-isolated"), err.toString());
        assertTrue(domain("bh-create-none").isPresent());
    }

    /** The real adapter, with the host's security models taken out of its capabilities. */
    private static Hypervisor withoutSecurityModels(Hypervisor real) {
        return new ScriptedHypervisor(real).<String>changeResult("capabilitiesXml",
                xml -> xml.replaceAll("(?s)<secmodel>.*?</secmodel>", ""));
    }
}
