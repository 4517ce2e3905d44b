package org.bulkhead.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.label.SecurityContext;
import org.bulkhead.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard driven by the keyboard alone on test:///default: Enter goes on and never toggles a
 * box or throws the wizard away, each page starts at its first control, Escape asks first.
 */
@ExtendWith(ApplicationExtension.class)
class NewVmWizardKeysTest {

    private final String prefix = WizardFixtures.uniqueName("keys");
    private NewVmWizardViewModel viewModel;
    private Stage stage;
    private HypervisorConnection check;

    @Start
    void start(Stage window) {
        stage = window;
        viewModel = new NewVmWizardViewModel(WizardFixtures.testDriver(), new SameThreadTaskExecutor(), Runnable::run,
                List.of(WizardFixtures.TEST_URI));
        new NewVmWizardView(viewModel).showIn(window);
    }

    @AfterEach
    void cleanUp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w != stage && w instanceof Stage).forEach(w -> ((Stage) w).close())).get(5, TimeUnit.SECONDS);
        try (HypervisorConnection open = check != null ? check : new LibvirtHypervisor().open(WizardFixtures.TEST_URI)) {
            WizardFixtures.removeDomains(open, prefix);
        }
    }

    @Test
    void enterOnTheFocusedIsolatedBoxNeverTurnsIsolationOffAndGoesOn(FxRobot robot) {
        robot.write(prefix + "-enter");
        robot.type(KeyCode.TAB);
        assertEquals("isolatedBox", focusedId(), "Tab from the name reaches the Isolated box");

        robot.type(KeyCode.ENTER);

        assertTrue(box("#isolatedBox").isSelected(), "Enter left isolation on");
        assertTrue(viewModel.isolatedProperty().get());
        assertEquals("Install source", title(robot), "Enter went on to the next page");
    }

    @Test
    void spaceTurnsIsolationOffDeliberatelyAndTheExplanationSaysSoAtOnce(FxRobot robot) {
        String isolatedText = text(robot, "#isolationExplanation");
        robot.type(KeyCode.TAB);
        assertEquals("isolatedBox", focusedId());

        robot.type(KeyCode.SPACE);

        assertFalse(box("#isolatedBox").isSelected());
        String shared = text(robot, "#isolationExplanation");
        assertNotEquals(isolatedText, shared);
        assertTrue(shared.startsWith("Not isolated"), shared);
        assertTrue(shared.contains("svirt_t:s0 (shared"), "names the shared label it would run under: " + shared);
        robot.type(KeyCode.SPACE);
        assertEquals(isolatedText, text(robot, "#isolationExplanation"), "back on, the explanation comes back");
    }

    @Test
    void enterOnTheStoragePageKeepsTheNewDiskAndGoesOn(FxRobot robot) {
        robot.write(prefix + "-disk");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.TAB).write("/isos/debian.iso").type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        assertEquals("Storage", title(robot), error(robot));
        assertEquals("newVolumeBox", focusedId(), "the storage page starts at its first control");

        robot.type(KeyCode.ENTER);

        assertTrue(box("#newVolumeBox").isSelected(), "Enter left “Create a new qcow2 disk” ticked");
        assertEquals("Network", title(robot));
    }

    @Test
    void enterOnTheInstallSourceRadioGoesOn(FxRobot robot) {
        robot.write(prefix + "-radio").type(KeyCode.ENTER);
        assertEquals("isoRadio", focusedId(), "the source page starts at the chosen source");
        robot.type(KeyCode.DOWN, KeyCode.DOWN);
        assertEquals("networkRadio", focusedId());
        robot.type(KeyCode.SPACE);
        assertEquals(SourceKind.NETWORK, viewModel.sourceKindProperty().get());

        robot.type(KeyCode.ENTER);

        assertEquals("Operating system, memory and CPUs", title(robot), error(robot));
        assertEquals(SourceKind.NETWORK, viewModel.sourceKindProperty().get());
    }

    @Test
    void everyPageStartsAtItsFirstControlWhetherReachedByNextBackOrEnter(FxRobot robot) {
        robot.write(prefix + "-focus");
        robot.clickOn("#nextButton");
        assertEquals("isoRadio", focusedId(), "after Next");
        robot.type(KeyCode.TAB).write("/isos/debian.iso");
        robot.push(KeyCode.ALT, KeyCode.N);
        assertEquals("Operating system, memory and CPUs", title(robot), "Alt+N is Next");
        assertEquals("memoryField", focusedId(), "after Alt+N");
        robot.type(KeyCode.ENTER);
        assertEquals("newVolumeBox", focusedId(), "after Enter");
        robot.clickOn("#backButton");
        assertEquals("Operating system, memory and CPUs", title(robot));
        assertEquals("memoryField", focusedId(), "after Back, not the Back button");
        robot.push(KeyCode.ALT, KeyCode.B);
        assertEquals("Install source", title(robot), "Alt+B is Back");
        assertEquals("isoRadio", focusedId(), "after Alt+B");
        robot.push(KeyCode.ALT, KeyCode.B);
        assertEquals("nameField", focusedId(), "the first page starts at the name");
    }

    @Test
    void enterOnTheSummaryWithFinishDisabledKeepsTheWizardAndSaysWhy(FxRobot robot) {
        toSummaryByKeyboard(robot, prefix + "-summary");
        assertTrue(robot.lookup("#finishButton").queryButton().isDisabled(), "the warning is not acknowledged yet");
        Label reason = robot.lookup("#finishReason").queryAs(Label.class);
        assertTrue(reason.isVisible() && reason.getText().contains("I have read the warnings"), reason.getText());

        robot.type(KeyCode.ENTER);
        robot.push(KeyCode.ALT, KeyCode.F);

        assertTrue(stage.isShowing(), "Enter did not throw the wizard away");
        assertEquals("Summary", title(robot));
        assertFalse(focused() == robot.lookup("#cancelButton").query(), "focus is not on Cancel");

        focusByTab(robot, "acknowledgeBox");
        robot.type(KeyCode.ENTER);
        assertFalse(box("#acknowledgeBox").isSelected(), "Enter does not tick the acknowledgement either");
        assertEquals("Summary", title(robot));
        robot.type(KeyCode.SPACE);
        assertFalse(reason.isVisible(), "nothing stands in Finish's way any more");
        robot.push(KeyCode.ALT, KeyCode.F);
        assertEquals("Creating the VM", title(robot), "Alt+F is Finish");
    }

    @Test
    void theWholeWizardByKeyboardAloneDefinesAnIsolatedVm(FxRobot robot) {
        // test:///default forgets its domains when its last connection closes, as the wizard's does on Close.
        check = new LibvirtHypervisor().open(WizardFixtures.TEST_URI);
        String name = prefix + "-kbd";
        toSummaryByKeyboard(robot, name);
        focusByTab(robot, "acknowledgeBox");
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.ENTER);

        assertEquals("Creating the VM", title(robot));
        String outcome = viewModel.outcomeTextProperty().get();
        assertTrue(outcome.startsWith("Created '" + name + "'"), outcome);
        robot.type(KeyCode.ENTER);
        assertFalse(stage.isShowing(), "Enter closes the result page");

        DomainRecord vm = check.listDomains().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " was not defined"));
        SecLabel seclabel = DomainXml.parse(vm.xml()).seclabels().get(0);
        assertEquals(java.util.Optional.of(SecLabel.Type.STATIC), seclabel.type());
        assertTrue(SecurityContext.parse(seclabel.label().orElseThrow()).mcsPair().isPresent(),
                "isolated: a category pair of its own, not the shared s0: " + seclabel);
    }

    @Test
    void enterTabAndTypingAloneCreateAnIsolatedVmFromARecognisedIso(FxRobot robot, @TempDir Path dir) {
        check = new LibvirtHypervisor().open(WizardFixtures.TEST_URI);
        Path iso = WizardFixtures.makeIso(dir, "Debian 11.5.0 amd64 n");
        String name = prefix + "-tab";
        robot.write(name).type(KeyCode.ENTER);
        assertEquals("Install source", title(robot), error(robot));
        focusByTab(robot, "isoField");
        robot.write(iso.toString()).type(KeyCode.ENTER);
        assertEquals("Operating system, memory and CPUs", title(robot), error(robot));
        assertEquals("Debian 11", viewModel.osProperty().get().name(), "recognised from the ISO's volume label");
        robot.type(KeyCode.ENTER);
        assertEquals("Storage", title(robot), error(robot));
        robot.type(KeyCode.ENTER);
        assertEquals("Network", title(robot), error(robot));
        robot.type(KeyCode.ENTER);
        assertEquals("Summary", title(robot), error(robot));
        assertTrue(viewModel.isolatedProperty().get(), "Enter never touched Isolated");
        // The test driver's "simulated" warning is acknowledged with Space: Enter never ticks a box.
        focusByTab(robot, "acknowledgeBox");
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.ENTER);

        assertEquals("Creating the VM", title(robot));
        assertTrue(viewModel.outcomeTextProperty().get().startsWith("Created '" + name + "'"),
                viewModel.outcomeTextProperty().get());
        robot.type(KeyCode.ENTER);
        assertFalse(stage.isShowing(), "Enter closes the result page");
        DomainRecord vm = check.listDomains().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " was not defined"));
        SecLabel seclabel = DomainXml.parse(vm.xml()).seclabels().get(0);
        assertTrue(SecurityContext.parse(seclabel.label().orElseThrow()).mcsPair().isPresent(),
                "isolated: a category pair of its own: " + seclabel);
        assertTrue(vm.xml().contains("http://debian.org/debian/11"), "the system is in its metadata");
    }

    @Test
    void theResultPageClosesWithEscapeWithoutAsking(FxRobot robot) {
        toSummaryByKeyboard(robot, prefix + "-esc");
        robot.interact(() -> viewModel.acknowledgeWarningsProperty().set(true));
        robot.type(KeyCode.ENTER);
        assertEquals("Creating the VM", title(robot));

        robot.type(KeyCode.ESCAPE);

        assertFalse(stage.isShowing());
        assertFalse(dialogOpen(robot), "nothing to lose, nothing asked");
    }

    @Test
    void escapeOnAnUntouchedWizardClosesIt(FxRobot robot) {
        robot.type(KeyCode.ESCAPE);
        assertFalse(stage.isShowing());
    }

    @Test
    void escapeAfterTypingAsksBeforeDiscardingAndEnterKeepsTheAnswers(FxRobot robot) {
        robot.write(prefix + "-typed");
        robot.type(KeyCode.ESCAPE);
        assertTrue(dialogOpen(robot), "answers would be lost: asked first");
        assertTrue(stage.isShowing());

        robot.type(KeyCode.ENTER);

        assertFalse(dialogOpen(robot));
        assertTrue(stage.isShowing(), "Enter chose to keep editing");
        assertEquals(prefix + "-typed", viewModel.nameProperty().get());

        robot.type(KeyCode.ESCAPE);
        robot.clickOn(robot.lookup(".dialog-pane .button").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(b -> b.getText().equals("Discard")).findFirst().orElseThrow());
        assertFalse(stage.isShowing(), "Discard closes the wizard");
    }

    // ---- helpers

    /** Name, source (network boot), memory, storage and network answered with the keyboard, up to the summary. */
    private void toSummaryByKeyboard(FxRobot robot, String name) {
        assertEquals("nameField", focusedId(), "the wizard opens at the name");
        robot.write(name).type(KeyCode.ENTER);
        assertEquals("Install source", title(robot), error(robot));
        robot.type(KeyCode.DOWN, KeyCode.DOWN).type(KeyCode.SPACE).type(KeyCode.ENTER);
        assertEquals("Operating system, memory and CPUs", title(robot), error(robot));
        robot.push(KeyCode.CONTROL, KeyCode.A).write("128").type(KeyCode.ENTER);
        assertEquals("Storage", title(robot), error(robot));
        robot.type(KeyCode.ENTER);
        assertEquals("Network", title(robot), error(robot));
        robot.type(KeyCode.ENTER);
        assertEquals("Summary", title(robot), error(robot));
    }

    /** Presses Tab until the control with {@code id} has focus, as a keyboard user would. */
    private void focusByTab(FxRobot robot, String id) {
        for (int i = 0; i < 40 && !id.equals(focusedId()); i++) {
            robot.type(KeyCode.TAB);
        }
        assertEquals(id, focusedId(), "Tab reaches " + id);
    }

    private Node focused() {
        return onFx(() -> stage.getScene().getFocusOwner());
    }

    private String focusedId() {
        Node node = focused();
        return node == null ? "nothing" : node.getId() == null ? node.toString() : node.getId();
    }

    private CheckBox box(String id) {
        return (CheckBox) stage.getScene().lookup(id);
    }

    private static String title(FxRobot robot) {
        return robot.lookup("#titleLabel").queryAs(Label.class).getText();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** The message Next showed, beside its answer or at the foot of the page. */
    private static String error(FxRobot robot) {
        return robot.lookup(node -> (node.getId() != null && node.getId().equals("errorLabel"))
                        || node.getStyleClass().contains("field-error"))
                .queryAllAs(Label.class).stream().filter(Label::isVisible).map(Label::getText)
                .filter(text -> !text.isEmpty()).findFirst().orElse("");
    }

    private static boolean dialogOpen(FxRobot robot) {
        return robot.lookup(".dialog-pane").queryAll().stream().anyMatch(pane -> pane instanceof DialogPane
                && pane.getScene() != null && pane.getScene().getWindow() != null && pane.getScene().getWindow().isShowing());
    }

    private static <T> T onFx(Supplier<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read::get).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
