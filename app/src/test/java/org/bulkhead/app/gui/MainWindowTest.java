package org.bulkhead.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.bulkhead.model.security.Trust;
import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.ui.connection.KnownConnections;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main window as a user drives it, headless on Monocle, against libvirt's test driver:
 * test:///default and hand-made test:///node.xml hosts.
 */
class MainWindowTest {

    private static final String DEFAULT = "test:///default";
    private static final String TEST_UUID = "6695eb01-f6a4-8304-79aa-97f2502e193f";

    @TempDir
    Path dir;
    private final WindowDriver ui = new WindowDriver();

    @AfterEach
    void closeWindow() throws Exception {
        ui.close();
    }

    @Test
    void opensOnTestDefaultShowingTheDomainItsLabelAndThatNothingIsEnforced() throws Exception {
        ui.open(dir, DEFAULT);

        assertTrue(ui.onFx(() -> ui.headerText(DEFAULT)).contains("simulated: test driver, nothing enforced"),
                ui.onFx(() -> ui.headerText(DEFAULT)));
        ui.await("the domain test is listed", () -> ui.rowCells("test").isPresent());
        assertEquals("running", ui.onFx(() -> ui.cell("test", "State")));
        assertEquals("libvirt-test", ui.onFx(() -> ui.cell("test", "Label")));
        assertEquals("▲ weak", ui.onFx(() -> ui.cell("test", "Trust")), "amber marker with a glyph and a word");
        assertEquals("▲ simulated", ui.onFx(() -> ui.cell("test", "Enforcing")));
        ui.await("the CPU sparkline shows a value", () -> ui.cell("test", "CPU").endsWith("%"));
    }

    @Test
    void aVmMadeWithTheWizardFromCtrlNAppearsInTheWindowWithItsOwnLabel() throws Exception {
        ui.open(dir, DEFAULT);
        ui.await("the domain test is listed", () -> ui.rowCells("test").isPresent());
        String name = "kiosk \"guest\" <1> & 'co'";

        ui.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        ui.await("the wizard opens", () -> ui.lookup("#nameField").tryQuery().isPresent());
        assertTrue(ui.lookup("#isolatedBox").queryAs(CheckBox.class).isSelected(), "Isolated is on without asking");
        ui.clickOn("#nameField").write(name);
        ui.clickOn("#nextButton");
        // The test driver runs in this process: its ISO is a file on this machine.
        Path iso = Files.write(dir.resolve("installer.iso"), new byte[] {0});
        ui.clickOn("#isoField").write(iso.toString());
        for (String page : List.of("Operating system, memory and CPUs", "Storage", "Network", "Summary")) {
            ui.clickOn("#nextButton");
            ui.await("the wizard shows " + page, () -> ui.lookup("#titleLabel").queryAs(Label.class).getText().equals(page));
        }
        String planned = ui.lookup("#labelValue").queryAs(TextField.class).getText();
        assertTrue(planned.matches("system_u:system_r:svirt_t:s0:c\\d+,c\\d+ \\(simulated: not enforced\\)"), planned);
        ui.clickOn("#acknowledgeBox");
        ui.clickOn("#finishButton");
        ui.await("the wizard says the VM was created",
                () -> ui.lookup("#outcomeArea").queryAs(TextArea.class).getText().startsWith("Created"));

        ui.await("the new VM is listed in the main window", () -> ui.rowCells(name).isPresent());
        String label = planned.substring(0, planned.indexOf(' '));
        ui.await("its row shows the label the wizard allocated", () -> ui.cell(name, "Label").equals(label));
        assertFalse(label.equals(ui.onFx(() -> ui.cell("test", "Label"))), "a label of its own");
        assertEquals("▲ simulated", ui.onFx(() -> ui.cell(name, "Enforcing")), "still honest that nothing is enforced");
    }

    @Test
    void theFilterFindsDomainsByMcsCategoryNameOrLabelAndEscapeClearsIt() throws Exception {
        String node = node(
                domain("web-frontend", "s0:c471,c902", "running"),
                domain("build-runner", "s0:c12,c471", "running"),
                domain("db-primary", "s0:c47,c388", "running"),
                domain("kiosk-guest", "s0:c77,c140", "shut off"));
        ui.open(dir, node);
        ui.await("four domains are drawn", () -> ui.shownNames().size() == 4 && ui.rowCells("web-frontend").isPresent());

        assertEquals("system_u:system_r:svirt_t:s0:c471,c902", ui.onFx(() -> ui.cell("web-frontend", "Label")));
        assertEquals("s0:c471,c902", ui.onFx(() -> ui.table().lookupAll(".label-range").stream()
                .map(n -> ((javafx.scene.text.Text) n).getText()).filter(t -> t.contains("c902")).findFirst().orElse("")),
                "the MCS range is its own, differently styled run of text");

        ui.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        ui.write("c471");
        ui.await("only the two domains with category c471 are shown",
                () -> ui.shownNames().equals(List.of("build-runner", "web-frontend")));
        assertEquals("2 of 4 domains shown", ui.lookup(".status-bar").queryAs(StatusBar.class).getText());

        ui.onFx(() -> {
            ui.lookup("#filterField").queryTextInputControl().setText("c47");
            return null;
        });
        ui.await("c47 matches the category c47, not c471", () -> ui.shownNames().equals(List.of("db-primary")));

        ui.onFx(() -> {
            ui.lookup("#filterField").queryTextInputControl().setText("kiosk");
            return null;
        });
        ui.await("a part of a name matches", () -> ui.shownNames().equals(List.of("kiosk-guest")));

        ui.type(KeyCode.ESCAPE);
        ui.await("Escape shows every domain again", () -> ui.shownNames().size() == 4);

        ui.onFx(() -> {
            ui.lookup("#filterField").queryTextInputControl().setText("c999");
            return null;
        });
        ui.await("the placeholder says nothing matches",
                () -> WindowDriver.texts(ui.table()).contains("No domain matches “c999”."));
    }

    @Test
    void enterOpensTheDetailsWithEverySeclabelAndDiskOfTheSelectedDomain() throws Exception {
        String node = node(domain("web-frontend", "s0:c471,c902", "running"), domain("db", "s0:c1,c2", "running"));
        ui.open(dir, node);
        ui.select("web-frontend");

        ui.type(KeyCode.ENTER);
        ui.await("a details window for web-frontend opens",
                () -> ui.lookup(".details-title").tryQuery().map(WindowDriver::texts).orElse("")
                        .startsWith("web-frontend on " + node));

        ui.clickOn("Security");
        TableView<?> seclabels = ui.lookup("#seclabelTable").queryAs(TableView.class);
        ui.await("the security tab lists the seclabel from the live XML",
                () -> WindowDriver.texts(seclabels).contains("system_u:system_r:svirt_t:s0:c471,c902"));
        assertTrue(ui.onFx(() -> WindowDriver.texts(seclabels)).contains("testSecurity"));
        assertTrue(ui.onFx(() -> WindowDriver.texts(ui.lookup("#resourceTable").query()))
                .contains("web-frontend.qcow2"), "each resource is listed, its file name visible: " + ui.onFx(() -> WindowDriver.texts(ui.lookup("#resourceTable").query())));

        ui.clickOn("Disks");
        ui.await("the disks tab lists the disk", () -> WindowDriver.texts(ui.lookup("#diskTable").query())
                .matches(".*vda disk \\S*web-frontend\\.qcow2.*"));

    }

    @Test
    void theDenialsTabAndTheTableBadgeFollowTheAuditLogAsDenialsAreLogged() throws Exception {
        String node = node(domain("web-frontend", "s0:c471,c902", "running"), domain("db", "s0:c1,c2", "running"));
        ui.auditLog = dir.resolve("audit.log");
        Files.writeString(ui.auditLog, crossVmOpen(644, 1));
        ui.open(dir, node);
        ui.await("the table counts web-frontend's one logged denial", () -> ui.cell("web-frontend", "Denials")
                .equals("\u25b2 1"));
        ui.select("db");
        ui.type(KeyCode.ENTER);
        ui.await("a details window for db opens", () -> ui.lookup(".details-title").tryQuery()
                .map(WindowDriver::texts).orElse("").startsWith("db on " + node));

        // The tab, not the main table's Denials column header.
        ui.clickOn(ui.lookup(".tab-header-area .tab-label").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled l && "Denials".equals(l.getText()))
                .findFirst().orElseThrow());
        ui.await("the trail is shown", () -> ui.lookup(".denials-table").tryQuery()
                .map(WindowDriver::texts).orElse("").contains("web-frontend tried to open db's file"));
        String shown = ui.onFx(() -> WindowDriver.texts(ui.lookup(".denials-pane").query()));
        assertTrue(shown.contains("logged, not enforced") && shown.contains("1 denial:"), shown);

        // Logged while the tab is open: it appears there and in the table, nothing reloaded by hand.
        Files.writeString(ui.auditLog, crossVmOpen(645, 0), java.nio.file.StandardOpenOption.APPEND);
        ui.await("the tab shows the refused open too", () -> WindowDriver.texts(ui.lookup(".denials-pane").query())
                .contains("2 denials: 1 refused, 1 logged, not enforced."));
        assertTrue(ui.onFx(() -> WindowDriver.texts(ui.lookup(".denials-table").query())).contains("\u2716 refused"), "the refused open has its own row");
        ui.await("the table's badge counts both", () -> ui.cell("db", "Denials").equals("\u25b2 2"));
    }

    private static String crossVmOpen(int serial, int permissive) {
        return "type=AVC msg=audit(1796050873.064:" + serial + "): avc:  denied  { open } for  pid=4242"
                + " comm=\"qemu-system-x86\" path=\"/var/lib/libvirt/images/db.qcow2\""
                + " scontext=system_u:system_r:svirt_t:s0:c471,c902 tcontext=system_u:object_r:svirt_image_t:s0:c1,c2"
                + " tclass=file permissive=" + permissive + "\n";
    }

    @Test
    void forceOffAsksFirstAndEveryLifecycleActionShowsInTheRowFromLibvirtsEvents() throws Exception {
        ui.open(dir, DEFAULT);
        ui.select("test");
        Button forceOff = ui.toolbarButton("forceOffButton");

        ui.clickOn(forceOff);
        ui.await("a confirmation is asked", ui::dialogOpen);
        assertTrue(ui.onFx(() -> ui.dialogTexts().toString()).contains("Force off “test”?"));
        ui.clickOn(ui.dialogButton("Cancel"));
        ui.await("the dialog is gone", () -> !ui.dialogOpen());
        ui.sleep(300);
        assertEquals("running", ui.onFx(() -> ui.cell("test", "State")), "cancelled: the domain still runs");

        ui.clickOn(ui.toolbarButton("pauseButton"));
        ui.await("the row says paused", () -> ui.cell("test", "State").equals("paused"));
        assertTrue(ui.onFx(() -> ui.toolbarButton("pauseButton").isDisabled()), "a paused domain cannot be paused");
        ui.clickOn(ui.toolbarButton("resumeButton"));
        ui.await("the row says running again", () -> ui.cell("test", "State").equals("running"));

        ui.clickOn(forceOff);
        ui.await("a confirmation is asked", ui::dialogOpen);
        ui.clickOn(ui.dialogButton("Force off"));
        ui.await("the row says shut off", () -> ui.cell("test", "State").equals("shut off"));
        ui.await("a stopped domain can be started or deleted, not shut down",
                () -> !ui.toolbarButton("startButton").isDisabled() && !ui.toolbarButton("deleteButton").isDisabled()
                        && ui.toolbarButton("shutDownButton").isDisabled());

        ui.clickOn(ui.toolbarButton("startButton"));
        ui.await("the row says running after Start", () -> ui.cell("test", "State").equals("running"));
    }

    @Test
    void deleteKeyAsksAboutStorageAndTheRowGoesWhenConfirmed() throws Exception {
        String node = node(domain("web", "s0:c1,c2", "running"), domain("old-kiosk", "s0:c3,c4", "shut off"));
        ui.open(dir, node);
        ui.select("old-kiosk");

        ui.type(KeyCode.DELETE);
        ui.await("the deletion is confirmed first", ui::dialogOpen);
        String question = ui.onFx(() -> ui.dialogTexts().toString());
        assertTrue(question.contains("Delete “old-kiosk”"), question);
        assertTrue(question.contains("/var/lib/libvirt/images/old-kiosk.qcow2"), "names the storage it could delete: "
                + question);
        ui.clickOn(ui.dialogButton("Delete"));

        ui.await("old-kiosk is gone and web stays", () -> ui.shownNames().equals(List.of("web")));
    }

    @Test
    void aFailedActionIsOneClearDialogSayingWhatFailedWhyAndWhatToDo() throws Exception {
        ui.open(dir, DEFAULT);
        ui.select("test");
        ui.hypervisor.failNext("reboot", "the guest agent is not answering");

        ui.clickOn(ui.toolbarButton("rebootButton"));
        ui.await("an error dialog opens", ui::dialogOpen);
        String dialog = ui.onFx(() -> ui.dialogTexts().toString());
        assertTrue(dialog.contains("Could not reboot “test” on test:///default."), dialog);
        assertTrue(dialog.contains("the guest agent is not answering"), dialog);
        assertTrue(dialog.contains("Force off and Start always work"), "says what to do: " + dialog);
        assertEquals(1, ui.onFx(() -> ui.dialogTexts().size()), "one dialog, not one per retry");
    }

    @Test
    void aDomainChangedElsewhereUpdatesItsRowWithoutRefreshing() throws Exception {
        ui.open(dir, DEFAULT);
        ui.await("test is listed", () -> ui.rowCells("test").isPresent());
        // A second client of the same in-process test host, like virsh beside Bulkhead.
        try (HypervisorConnection virsh = new LibvirtHypervisor().open(DEFAULT)) {
            virsh.define("""
                    <domain type='test'><name>probe</name><memory unit='MiB'>64</memory><os><type>hvm</type></os>
                    <seclabel type='static' model='testSecurity' relabel='no'>
                      <label>system_u:system_r:svirt_t:s0:c5,c6</label></seclabel></domain>""");
            ui.await("the new domain appears, shut off", () -> ui.rowCells("probe").isPresent()
                    && ui.cell("probe", "State").equals("shut off"));
            String uuid = virsh.listDomains().stream().filter(d -> d.name().equals("probe")).findFirst().orElseThrow().uuid();
            virsh.start(uuid);
            ui.await("its row says running", () -> ui.cell("probe", "State").equals("running"));
            virsh.destroy(uuid);
            virsh.undefine(uuid, false);
            ui.await("its row goes when it is undefined", () -> !ui.shownNames().contains("probe"));
        }
    }

    @Test
    void aLostConnectionShowsABannerMarksRowsStaleThenReconnectsAndResyncs() throws Exception {
        ui.open(dir, DEFAULT);
        ui.select("test");
        try (HypervisorConnection virsh = new LibvirtHypervisor().open(DEFAULT)) {
            // The daemon stays down until the stale rows are seen: a quick reconnect would hide them.
            ui.hypervisor.refuseOpens(true);
            ui.hypervisor.closeUnder(DEFAULT);
            NotificationPane banner = ui.lookup(".banner").queryAs(NotificationPane.class);
            ui.await("a banner names the lost connection", () -> banner.isShowing() && banner.getText().contains(DEFAULT));
            // Changed while the window cannot hear libvirt's events: only a full resync can show it.
            virsh.destroy(TEST_UUID);
            assertTrue(ui.onFx(banner::getText).contains("Retrying automatically"));
            ui.await("the row is marked stale", () -> ui.cell("test", "State").endsWith("(stale)"));
            assertTrue(ui.onFx(() -> ui.toolbarButton("forceOffButton").isDisabled()),
                    "no actions on a domain whose state is not known");
            assertFalse(ui.onFx(ui::dialogOpen), "losing a connection is a banner, not a dialog");
            ui.hypervisor.refuseOpens(false);

            ui.await("the banner goes once reconnected", () -> !banner.isShowing());
            ui.await("the resynced row shows the change made while disconnected",
                    () -> ui.cell("test", "State").equals("shut off"));
            assertTrue(ui.hypervisor.opens(DEFAULT) >= 2, "a new connection was opened");
            assertFalse(ui.onFx(ui::dialogOpen), "reconnecting raised no dialog");
            virsh.start(TEST_UUID);
            ui.await("and events flow again on the new connection", () -> ui.cell("test", "State").equals("running"));
        }
    }

    @Test
    void addConnectionOpensTheHostAndRemembersItForTheNextRun() throws Exception {
        ui.open(dir, DEFAULT);
        String node = node(domain("elsewhere", "s0:c9,c10", "running"));

        ui.clickOn(ui.toolbarButton("addConnectionButton"));
        ui.await("the Add connection dialog asks for a URI", ui::dialogOpen);
        ui.clickOn("#connection-uri").write(node);
        ui.clickOn(ui.dialogButton("Connect"));

        ui.await("the new host's header says connected", () -> ui.headerText(node).contains("connected"));
        ui.await("its domain is listed beside test:///default's",
                () -> ui.shownNames().containsAll(List.of("elsewhere", "test")));
        ui.await("the connection is saved for the next run", () -> Files.exists(dir.resolve("connections.json"))
                && new KnownConnections(dir.resolve("connections.json")).load().equals(List.of(node)));
    }

    @Test
    void aLongListShowsItsRowsAtOnceAndTheirLabelsFillInAsTheyAreRead() throws Exception {
        List<String> domains = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            domains.add(domain("vm%03d".formatted(i), "s0:c%d,c%d".formatted(i, i + 400), "running"));
        }
        String node = node(domains.toArray(String[]::new));
        ui.hypervisor.hold("domain"); // reading each domain's XML waits
        try {
            ui.open(dir, node);
            ui.await("every row is listed before any domain was read", () -> ui.table().getItems().size() == 300);
            assertEquals("checking…", ui.onFx(() -> ui.cell("vm000", "Label")));
            assertEquals("◌ unchecked", ui.onFx(() -> ui.cell("vm000", "Trust")),
                    "a row not read yet never looks safe");
        } finally {
            ui.hypervisor.release("domain");
        }
        ui.await("the labels fill in", () -> ui.cell("vm000", "Label").equals("system_u:system_r:svirt_t:s0:c0,c400"));
        ui.await("every row is inspected", () -> ui.table().getItems().stream().allMatch(r -> r.snapshot().inspected()));
    }

    @Test
    void aMinimisedWindowSamplesNoStatisticsAndResumesWhenRestored() throws Exception {
        ui.open(dir, DEFAULT);
        ui.await("the CPU sparkline shows a value", () -> ui.cell("test", "CPU").endsWith("%"));
        ui.onFx(() -> {
            ui.window().stage().setIconified(true);
            return null;
        });
        Thread.sleep(300); // a sample in flight may still land
        int samples = ui.hypervisor.calls("sampleStats");
        Thread.sleep(1000); // five statistics intervals
        assertEquals(samples, ui.hypervisor.calls("sampleStats"), "no statistics are sampled while minimised");
        ui.onFx(() -> {
            ui.window().stage().setIconified(false);
            return null;
        });
        ui.await("sampling resumes when restored", () -> ui.hypervisor.calls("sampleStats") > samples);
    }

    private String node(String... domains) throws IOException {
        Path file = dir.resolve("node.xml");
        Files.writeString(file, "<node>\n" + String.join("\n", domains) + "\n</node>\n");
        return "test://" + file;
    }

    private static int serial;

    private static String domain(String name, String range, String state) {
        String runstate = switch (state) {
            case "running" -> "";
            case "paused" -> "<test:runstate>3</test:runstate>";
            default -> "<test:runstate>5</test:runstate>";
        };
        String uuid = "6a1e0000-0000-4000-8000-%012d".formatted(++serial);
        return """
                <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
                  <name>%s</name><uuid>%s</uuid><memory unit='MiB'>256</memory><os><type>hvm</type></os>
                  <devices><disk type='file' device='disk'>
                    <source file='/var/lib/libvirt/images/%s.qcow2'/><target dev='vda' bus='virtio'/></disk></devices>
                  <seclabel type='static' model='testSecurity' relabel='no'>
                    <label>system_u:system_r:svirt_t:%s</label></seclabel>
                  %s
                </domain>""".formatted(name, uuid, name, range, runstate);
    }
}
