package org.bulkhead.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import org.bulkhead.app.CommandLineRun;
import org.bulkhead.libvirt.LibvirtConnection;
import org.bulkhead.libvirt.SelinuxLab;
import org.bulkhead.model.audit.DenialTrail;
import org.bulkhead.model.audit.DenialTrails;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.NewDisk;
import org.bulkhead.model.domain.NewDomain;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.hypervisor.StorageVolume;
import org.bulkhead.model.hypervisor.VolumeRequest;
import org.bulkhead.model.isolation.DomainEnforcement.Verdict;
import org.bulkhead.model.store.DomainKey;
import org.bulkhead.ui.denials.DenialsViewModel;
import org.bulkhead.ui.main.DomainRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The main window and {@code bulkhead report} on the SELinux lab reached as a remote host over
 * {@code qemu+ssh://} (libvirt's transport; labels, processes, policy and the audit log through
 * the same ssh), with two isolated VMs a and b: actual file and process labels with verdicts;
 * {@code svirt_t} made permissive by a policy module shows as not enforced within 5 s, and a's
 * QEMU opening b's image then shows in both VMs' trails as "logged, not enforced"; with the
 * module gone the same open is refused and shows as "refused". {@code setenforce 0} on the lab
 * host shows both VMs as not enforced within 5 s, {@code setenforce 1} as enforced again. The
 * module is always removed and the lab always left enforcing.
 */
@Tag("selinux-lab")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SelinuxLabWindowTest {

    private static final String MODULE = "bulkhead_window_permissive_svirt";
    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final long MIB = 1024 * 1024;

    private Path dir;
    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final WindowDriver ui = new WindowDriver();
    private final List<StorageVolume> images = new ArrayList<>();
    private final List<DomainRecord> vms = new ArrayList<>();
    private final List<String> created = new ArrayList<>();
    private String uri;
    private LibvirtConnection lab;

    @BeforeAll
    void startTwoIsolatedVmsAndOpenTheWindowOverSsh() throws Exception {
        uri = SelinuxLab.sshUri();
        lab = SelinuxLab.open();
        dir = java.nio.file.Files.createTempDirectory("bulkhead-lab-window");
        // a is "web", b is "db": the names the trails' sentences then use.
        for (String which : List.of("web", "db")) {
            String name = which + "-" + tag;
            StorageVolume image = lab.createVolume(new VolumeRequest("default", name + ".qcow2", 16 * MIB, "qcow2", 0600));
            images.add(image);
            DomainRecord vm = lab.define(DomainXml.write(NewDomain.builder(name).virtType("qemu").memoryMiB(64)
                    .machine("q35").disk(NewDisk.disk(image.path(), "qcow2", "vda"))
                    .seclabel(SecLabel.dynamic("selinux")).build()));
            vms.add(vm);
            lab.start(vm.uuid());
        }
        // Connecting over ssh to a TCG guest is slow; the 5 s budgets below are for changes only.
        ui.patience = Duration.ofSeconds(180);
        ui.open(dir, uri);
        ui.await("both VMs are listed with their labels", () -> vms.stream().allMatch(vm -> row(vm)
                .map(r -> r.snapshot().inspected() && r.snapshot().security().label().isPresent()).orElse(false)));
    }

    @AfterAll
    void removeEverything() throws Exception {
        List<String> problems = new ArrayList<>();
        if (lab == null) {
            return; // no lab configured: the tests were skipped and nothing was made
        }
        SelinuxLab.ssh("setenforce 1; semodule -r " + MODULE + " 2>/dev/null; rm -f /root/" + MODULE + ".cil");
        if (ui.window() != null) {
            ui.close();
        }
        if (lab != null) {
            for (DomainRecord vm : vms) {
                try {
                    lab.destroy(vm.uuid());
                    lab.undefine(vm.uuid(), false);
                } catch (HypervisorException e) {
                    problems.add(e.userMessage());
                }
            }
            for (String uuid : created) {
                try {
                    lab.destroy(uuid);
                    lab.undefine(uuid, true);
                } catch (HypervisorException e) {
                    problems.add(e.userMessage());
                }
            }
            for (StorageVolume image : images) {
                try {
                    lab.deleteVolume(image.path());
                } catch (HypervisorException e) {
                    problems.add(e.userMessage());
                }
            }
            lab.close();
        }
        if (!problems.isEmpty()) {
            fail("clean-up in the lab left things behind: " + problems);
        }
    }

    @Test
    @Order(1)
    void overSshTheWindowAndReportShowActualFileAndProcessLabelsWithVerdicts() throws Exception {
        String header = ui.onFx(() -> ui.headerText(uri));
        assertTrue(header.contains("enforcing"), header);
        assertTrue(!header.contains("not visible"), "a qemu+ssh host is seen, not guessed: " + header);
        for (DomainRecord vm : vms) {
            String name = vm.name();
            ui.await(name + "'s row is isolated and enforced", () -> ui.cell(name, "Trust").equals("\u2714 isolated")
                    && verdict(vm) == Verdict.ENFORCED);
        }

        JsonNode report = report();
        assertEquals("enforcing", report.path("enforcement").asText(), report.toString());
        for (DomainRecord vm : vms) {
            JsonNode domain = domain(report, vm);
            String label = domain.path("label").asText();
            String range = label.substring(label.indexOf(":s0:") + 1);
            assertTrue(label.startsWith("system_u:system_r:svirt_t:s0:c"), label);
            assertEquals(label, domain.path("process").path("context").asText(), "the QEMU process label, read over ssh");
            JsonNode disk = domain.path("resources").path(0);
            assertEquals(images.get(vms.indexOf(vm)).path(), disk.path("path").asText());
            assertEquals("system_u:object_r:svirt_image_t:" + range, disk.path("actual").asText(),
                    "the image's actual label, read over ssh: " + disk);
            assertEquals("matches", disk.path("verdict").asText(), disk.toString());
            assertEquals("enforced", domain.path("enforcement").path("verdict").asText(), domain.toString());
            assertEquals("isolated", domain.path("trust").path("level").asText(), domain.toString());
            SelinuxLab.report("over qemu+ssh: " + vm.name() + " runs as " + label + ", its image carries "
                    + disk.path("actual").asText() + " (" + disk.path("verdict").asText() + ")");
        }
    }

    @Test
    @Order(2)
    void aPermissiveTypeShowsAsNotEnforcedWithinFiveSecondsAndTheCrossVmOpenIsLoggedInBothTrails() throws Exception {
        double seconds = changeInTheLab("printf '(typepermissive svirt_t)\\n' > /root/" + MODULE + ".cil && semodule -i"
                + " /root/" + MODULE + ".cil", "the window shows both VMs not enforced",
                () -> vms.stream().allMatch(vm -> verdict(vm) == Verdict.LOGGED
                        && ui.cell(vm.name(), "Trust").equals("\u25b2 weak")));
        SelinuxLab.report(String.format("window: %s / %s %.1f s after semodule -i returned",
                ui.onFx(() -> ui.cell(a().name(), "Enforcing")), ui.onFx(() -> ui.cell(a().name(), "Trust")), seconds));
        JsonNode permissive = domain(report(), a());
        assertEquals("logged, not enforced", permissive.path("enforcement").path("verdict").asText());
        assertTrue(permissive.path("enforcement").path("reason").asText().startsWith("permissive type svirt_t"),
                permissive.toString());
        assertEquals("weak", permissive.path("trust").path("level").asText());

        String opened = openBsImageFromAsQemu();
        assertTrue(!opened.contains("Permission denied"), "a permissive svirt_t lets a open b's image: " + opened);
        awaitTrails("logged, not enforced");
        WindowPicture.take(ui, ui.window().stage().getScene(), "lab-ssh-window.png")
                .ifPresent(file -> SelinuxLab.report("picture: " + file));
    }

    @Test
    @Order(3)
    void withEnforcementBackTheRefusedOpenShowsAsRefused() throws Exception {
        double seconds = changeInTheLab("semodule -r " + MODULE + "; rm -f /root/" + MODULE + ".cil",
                "the window shows both VMs enforced again", this::bothEnforced);
        SelinuxLab.report(String.format("window: enforced again %.1f s after semodule -r returned", seconds));

        String refused = openBsImageFromAsQemu();
        assertTrue(refused.contains("Permission denied"), "the kernel refuses a's QEMU b's image: " + refused);
        awaitTrails("refused");

        // b's Denials tab in its details window: the logged open and the refused one, in plain words.
        ui.select(b().name());
        ui.type(KeyCode.ENTER);
        ui.await("b's details window opens", () -> ui.lookup(".details-title").tryQuery()
                .map(WindowDriver::texts).orElse("").startsWith(b().name()));
        ui.clickOn(ui.lookup(".tab-header-area .tab-label").queryAll().stream()
                .filter(n -> n instanceof Labeled l && "Denials".equals(l.getText())).findFirst().orElseThrow());
        // The table's rows, not the cells on screen: the refused open may be below the fold.
        ui.await("the tab lists the open both as logged and as refused", () -> {
            List<DenialsViewModel.DenialRow> rows = ui.lookup(".denials-table").queryAs(TableView.class).getItems()
                    .stream().map(DenialsViewModel.DenialRow.class::cast).toList();
            return rows.stream().anyMatch(r -> r.outcome().equals("\u25b2 logged, not enforced"))
                    && rows.stream().anyMatch(r -> r.outcome().equals("\u2716 refused"))
                    && rows.stream().anyMatch(r -> r.explanation().startsWith(a().name() + " tried to"));
        });
        String status = ui.onFx(() -> WindowDriver.texts(ui.lookup(".denials-status").query()));
        assertTrue(status.matches(".*\\d+ refused, \\d+ logged, not enforced\\..*"), status);
        WindowPicture.take(ui, ui.lookup(".denials-pane").query().getScene(), "lab-denials.png")
                .ifPresent(file -> SelinuxLab.report("picture: " + file));
    }

    @Test
    @Order(4)
    void setenforceOnTheHostShowsWithinFiveSecondsBothWays() throws Exception {
        try {
            double off = changeInTheLab("setenforce 0", "the window shows both VMs not enforced on a permissive host",
                    () -> vms.stream().allMatch(vm -> verdict(vm) == Verdict.LOGGED
                            && !ui.cell(vm.name(), "Trust").equals("\u2714 isolated"))
                            && ui.headerText(uri).contains("permissive"));
            SelinuxLab.report(String.format("window: %s / %s %.1f s after setenforce 0 returned",
                    ui.onFx(() -> ui.cell(a().name(), "Enforcing")), ui.onFx(() -> ui.cell(a().name(), "Trust")), off));
            JsonNode permissive = report();
            assertTrue(permissive.path("enforcement").asText().startsWith("permissive"), permissive.toString());
            for (DomainRecord vm : vms) {
                JsonNode domain = domain(permissive, vm);
                assertEquals("logged, not enforced", domain.path("enforcement").path("verdict").asText(),
                        domain.toString());
                assertTrue(!domain.path("trust").path("level").asText().equals("isolated"), domain.toString());
            }
        } finally {
            // Whatever happened above, the lab is left enforcing.
            SelinuxLab.sshOk("setenforce 1");
        }
        long done = System.nanoTime();
        awaitWithin(WITHIN, "the window shows both VMs enforced again", this::bothEnforced);
        SelinuxLab.report(String.format("window: enforced again %.1f s after setenforce 1 returned",
                (System.nanoTime() - done) / 1e9));
        assertEquals("1", SelinuxLab.ssh("cat /sys/fs/selinux/enforce").output().strip());
        JsonNode enforcing = report();
        assertEquals("enforcing", enforcing.path("enforcement").asText(), enforcing.toString());
        for (DomainRecord vm : vms) {
            assertEquals("enforced", domain(enforcing, vm).path("enforcement").path("verdict").asText());
        }
    }

    @Test
    @Order(5)
    void createOverSshVerifiesTheNewVmsLabelsOnTheRemoteHost() throws Exception {
        String name = "made-" + tag;
        CommandLineRun.Result run = CommandLineRun.run("create", name, "--connect", uri, "--pxe", "--memory", "64",
                "--emulate", "--pool", "default", "--disk-size", "1", "--no-network", "--yes", "--format", "json");
        JsonNode root = run.out().isBlank() ? null : new ObjectMapper().readTree(run.out());
        if (root != null && !root.path("outcome").path("uuid").asText().isEmpty()) {
            created.add(root.path("outcome").path("uuid").asText());
        }
        // Exit 7 was "not verified": the new VM's image was looked for on this machine, not in the lab.
        assertEquals(0, run.exitCode(), run.err() + "\n" + run.out());
        assertEquals("verified", root.path("verification").path("verdict").asText(), root.toString());
        assertEquals("selinux", root.path("isolation").path("model").asText(), root.toString());
        SelinuxLab.report("create over qemu+ssh: " + name + " " + root.path("verification").path("verdict").asText()
                + " (" + root.path("isolation").path("model").asText() + ")");
    }

    private boolean bothEnforced() {
        return vms.stream().allMatch(vm -> verdict(vm) == Verdict.ENFORCED
                && ui.cell(vm.name(), "Trust").equals("\u2714 isolated"));
    }

    /**
     * Runs {@code command} in the lab (over its own ssh, which returns once the command has
     * finished) and waits for the window: it must show the change within {@link #WITHIN} of the
     * command's end, as a user running it would see. Returns the seconds it took.
     */
    private double changeInTheLab(String command, String what, java.util.concurrent.Callable<Boolean> windowShows) {
        SelinuxLab.sshOk(command);
        long done = System.nanoTime();
        awaitWithin(WITHIN, what, windowShows);
        return (System.nanoTime() - done) / 1e9;
    }

    /** Asks a's QEMU over QMP to open b's image; returns what QEMU answered, and removes the node again. */
    private String openBsImageFromAsQemu() {
        String command = "{\"execute\":\"blockdev-add\",\"arguments\":{\"driver\":\"file\",\"node-name\":\"probe\","
                + "\"filename\":\"" + images.get(1).path() + "\",\"read-only\":true,\"locking\":\"off\"}}";
        String answer = SelinuxLab.ssh("virsh -c qemu:///system qemu-monitor-command " + a().name() + " "
                + SelinuxLab.quote(command)).output();
        SelinuxLab.ssh("virsh -c qemu:///system qemu-monitor-command " + a().name() + " "
                + SelinuxLab.quote("{\"execute\":\"blockdev-del\",\"arguments\":{\"node-name\":\"probe\"}}"));
        return answer;
    }

    /** The open of b's image by a is in a's trail as its doing and in b's as done to it, in the window and report. */
    private void awaitTrails(String outcome) throws Exception {
        String bImage = images.get(1).path();
        ui.await("the window's trails of a and b show the open as " + outcome, () -> {
            DenialTrails trails = row(a()).orElseThrow().denialsProperty().get();
            return trails != null && hasOpen(trails.of(a().name()), bImage, outcome, DenialTrail.Role.BY_THIS_VM)
                    && hasOpen(trails.of(b().name()), bImage, outcome, DenialTrail.Role.ON_THIS_VM);
        });
        String badge = ui.onFx(() -> ui.cell(b().name(), "Denials"));
        assertTrue(!badge.equals("\u2014") && !badge.equals("0"), "b's badge counts it: " + badge);
        DenialTrail.Entry byA = ui.onFx(() -> row(a()).orElseThrow().denialsProperty().get().of(a().name())
                .orElseThrow().entries().stream().filter(e -> names(e.denial().object().orElse(""), bImage)
                        && e.denial().outcome().equals(outcome)).reduce((first, last) -> last).orElseThrow());
        SelinuxLab.report("window: " + byA.explanation());
        assertTrue(byA.explanation().startsWith(a().name() + " tried to") && byA.explanation().contains(b().name()
                + "'s file"), byA.explanation());

        JsonNode report = report();
        assertTrue(reportHasOpen(domain(report, a()), bImage, outcome, "by this domain"), domain(report, a()).toString());
        assertTrue(reportHasOpen(domain(report, b()), bImage, outcome, "on this domain"), domain(report, b()).toString());
    }

    private static boolean hasOpen(Optional<DenialTrail> trail, String image, String outcome, DenialTrail.Role role) {
        return trail.map(t -> t.entries().stream().anyMatch(e -> e.role() == role
                && names(e.denial().object().orElse(""), image) && e.denial().outcome().equals(outcome)))
                .orElse(false);
    }

    /** The kernel names the file by its path in some records and by its last component in others ({ read }). */
    private static boolean names(String object, String image) {
        return !object.isEmpty() && (object.equals(image) || image.endsWith("/" + object));
    }

    private static boolean reportHasOpen(JsonNode domain, String image, String outcome, String role) {
        for (JsonNode denial : domain.path("denials")) {
            if (names(denial.path("object").asText(), image) && denial.path("outcome").asText().equals(outcome)
                    && denial.path("role").asText().equals(role)) {
                return true;
            }
        }
        return false;
    }

    private DomainRecord a() {
        return vms.get(0);
    }

    private DomainRecord b() {
        return vms.get(1);
    }

    private Optional<DomainRow> row(DomainRecord vm) {
        return ui.window().viewModel().row(new DomainKey(uri, vm.uuid()));
    }

    private Verdict verdict(DomainRecord vm) {
        return row(vm).map(r -> r.domainEnforcement().verdict()).orElse(null);
    }

    /** {@code bulkhead report --format json} over the same qemu+ssh URI, as a user would run it. */
    private JsonNode report() throws Exception {
        CommandLineRun.Result run = CommandLineRun.run("report", "--connect", uri, "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    private static JsonNode domain(JsonNode report, DomainRecord vm) {
        for (JsonNode domain : report.path("domains")) {
            if (domain.path("uuid").asText().equals(vm.uuid())) {
                return domain;
            }
        }
        return fail(vm.name() + " is not in the report: " + report);
    }

    private void awaitWithin(Duration budget, String what, java.util.concurrent.Callable<Boolean> condition) {
        Duration saved = ui.patience;
        ui.patience = budget;
        try {
            ui.await(what + " within " + budget.toSeconds() + " s", condition);
        } finally {
            ui.patience = saved;
        }
    }

}
