package org.bulkhead.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The wizard's window on test:///default, driven with keyboard and mouse through every page. */
@ExtendWith(ApplicationExtension.class)
class NewVmWizardViewTest {

    private final String prefix = WizardFixtures.uniqueName("fx");
    private NewVmWizardViewModel viewModel;
    private Stage stage;

    @Start
    void start(Stage window) {
        stage = window;
        viewModel = new NewVmWizardViewModel(WizardFixtures.testDriver(), new SameThreadTaskExecutor(), Runnable::run,
                List.of(WizardFixtures.TEST_URI));
        new NewVmWizardView(viewModel).showIn(window);
    }

    @AfterEach
    void cleanUp() {
        try (HypervisorConnection check = new LibvirtHypervisor().open(WizardFixtures.TEST_URI)) {
            WizardFixtures.removeDomains(check, prefix);
        }
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query).push(KeyCode.CONTROL, KeyCode.A).write(text);
    }

    /** The message Next showed, beside its answer or at the foot of the page. */
    private static String error(FxRobot robot) {
        return robot.lookup(node -> (node.getId() != null && node.getId().equals("errorLabel"))
                        || node.getStyleClass().contains("field-error"))
                .queryAllAs(Label.class).stream().filter(Label::isVisible).map(Label::getText)
                .filter(text -> !text.isEmpty()).findFirst().orElse("");
    }

    private static String title(FxRobot robot) {
        return robot.lookup("#titleLabel").queryAs(Label.class).getText();
    }

    @Test
    void everyPageToFinishCreatesAnIsolatedVmAndShowsItsLabels(FxRobot robot) {
        assertTrue(robot.lookup("#isolatedBox").queryAs(CheckBox.class).isSelected(), "Isolated is on by default");
        assertTrue(robot.lookup("#isolationExplanation").queryAs(Label.class).getText().contains("simulated"));

        robot.clickOn("#nameField").write(prefix + "-a\"b'<c>&d");
        robot.clickOn("#nextButton");
        assertEquals("Install source", title(robot), error(robot));
        robot.clickOn("#isoField").write("/isos/debian.iso");
        robot.clickOn("#nextButton");
        assertEquals("Operating system, memory and CPUs", title(robot), error(robot));
        replaceText(robot, "#memoryField", "256");
        robot.clickOn("#nextButton");
        assertEquals("Storage", title(robot), error(robot));
        assertEquals("default-pool", viewModel.poolProperty().get());
        robot.clickOn("#nextButton");
        assertEquals("Network", title(robot));
        robot.clickOn("#nextButton");
        assertEquals("Summary", title(robot), error(robot));

        String label = robot.lookup("#labelValue").queryAs(TextField.class).getText();
        assertTrue(label.contains("(simulated: not enforced)"), label);
        assertEquals(prefix + "-a\"b'<c>&d",
                DomainXml.parse(robot.lookup("#xmlArea").queryAs(TextArea.class).getText()).name());
        Button finish = robot.lookup("#finishButton").queryAs(Button.class);
        assertTrue(finish.isDisabled(), "the simulated-enforcement warning must be acknowledged");
        robot.clickOn("#acknowledgeBox");
        assertFalse(finish.isDisabled());
        robot.clickOn("#finishButton");

        assertEquals("Creating the VM", title(robot));
        String outcome = robot.lookup("#outcomeArea").queryAs(TextArea.class).getText();
        assertTrue(outcome.startsWith("Created '" + prefix), outcome);
        assertTrue(outcome.contains("simulated"), outcome);
        assertEquals("Close", robot.lookup("#cancelButton").queryAs(Button.class).getText());
    }

    @Test
    void theSummaryTellsTheVmInPlainWordsFirstAndNoFileRowHidesItsLabel(FxRobot robot) {
        String longIso = "/isos/" + "a-very-long-folder-name-that-goes-on-and-on/".repeat(4) + "debian-12.iso";
        robot.interact(() -> {
            viewModel.nameProperty().set(prefix + "-sum");
            viewModel.next();
            viewModel.isoPathProperty().set(longIso);
            viewModel.next();
            viewModel.memoryMiBProperty().set("256");
            viewModel.next();
            viewModel.next();
            viewModel.next();
        });
        assertEquals("Summary", title(robot), error(robot));

        List<String> told = viewModel.summaryLines().stream().map(l -> l.what() + ": " + l.value()).toList();
        assertEquals(List.of("Name: " + prefix + "-sum", "Connection: test:///default",
                "Operating system: Generic (not known)", "Memory: 256 MiB", "Virtual CPUs: 1",
                "Disk: a new 10 GiB disk (qcow2) in the pool 'default-pool'",
                "Network: libvirt's 'default' network (NAT): the VM can reach out, nothing can reach in",
                "Install from: the ISO " + longIso), told);
        Node words = robot.lookup("#summaryGrid").query();
        Node isolation = robot.lookup("#summaryIsolation").query();
        Node label = robot.lookup("#labelValue").query();
        Node plan = robot.lookup("#planGrid").query();
        Node xml = robot.lookup("#xmlPane").query();
        assertTrue(y(words) < y(isolation) && y(isolation) < y(label) && y(label) < y(plan) && y(plan) < y(xml),
                "plain words, isolation, the label, the file plan, then the XML");
        assertTrue(((Label) isolation).getText().contains("simulated"), ((Label) isolation).getText());

        List<Label> planLabels = robot.lookup(".plan-label").queryAllAs(Label.class).stream().toList();
        assertEquals(viewModel.planRows().size(), planLabels.size());
        java.util.regex.Matcher pair = java.util.regex.Pattern.compile("s0:c\\d+,c\\d+")
                .matcher(viewModel.summaryLabelProperty().get());
        assertTrue(pair.find(), viewModel.summaryLabelProperty().get());
        assertTrue(planLabels.stream().anyMatch(l -> l.getText().endsWith(pair.group())),
                "the disk's row shows the VM's own pair " + pair.group());
        for (Label shown : robot.lookup(".plan-file, .plan-label, .plan-why").queryAllAs(Label.class)) {
            Text drawn = (Text) shown.lookup(".text");
            assertEquals(shown.getText(), drawn.getText(), "wrapped, never cut with an ellipsis");
        }
        ScrollPane scroller = (ScrollPane) robot.lookup(".scroll-pane").match(n -> ((ScrollPane) n).getContent()
                .lookup("#planGrid") != null).query();
        assertTrue(plan.getBoundsInParent().getMaxX() <= scroller.getViewportBounds().getWidth() + 1,
                "no sideways scrolling: " + plan.getBoundsInParent() + " in " + scroller.getViewportBounds());
    }

    private static double y(Node node) {
        return node.localToScene(node.getBoundsInLocal()).getMinY();
    }

    @Test
    void validationErrorsKeepTheUserOnTheirPage(FxRobot robot) {
        robot.clickOn("#nextButton");
        assertEquals("⚠ Enter a name for the virtual machine.", error(robot));
        robot.interact(() -> viewModel.nameProperty().set("pasted\nname"));
        robot.clickOn("#nextButton");
        assertTrue(error(robot).contains("line break"), error(robot));
        assertEquals("Name and connection", title(robot));

        replaceText(robot, "#nameField", prefix + "-v");
        robot.clickOn("#nextButton");
        robot.clickOn("#nextButton");
        assertEquals("⚠ Choose the installer ISO.", error(robot));
        robot.clickOn("#isoField").write("/isos/x.iso");
        robot.clickOn("#nextButton");
        replaceText(robot, "#memoryField", "0");
        robot.clickOn("#nextButton");
        assertEquals("Operating system, memory and CPUs", title(robot));
        assertTrue(error(robot).contains("Give the VM some memory"), error(robot));
        replaceText(robot, "#memoryField", "128");
        robot.clickOn("#nextButton");
        assertEquals("Storage", title(robot));
        assertEquals("", error(robot));
        robot.clickOn("#backButton");
        assertEquals("Operating system, memory and CPUs", title(robot));
    }

    @Test
    void memoryBeyondTheHostIsShownBesideItsMarkedFieldUntilItFits(FxRobot robot) {
        replaceText(robot, "#nameField", prefix + "-m");
        robot.clickOn("#nextButton");
        robot.clickOn("#isoField").write("/isos/x.iso");
        robot.clickOn("#nextButton");
        replaceText(robot, "#memoryField", "4000000");
        robot.clickOn("#nextButton");

        assertEquals("Operating system, memory and CPUs", title(robot));
        Label beside = robot.lookup("#memoryError").queryAs(Label.class);
        TextField memory = robot.lookup("#memoryField").queryAs(TextField.class);
        assertTrue(beside.isVisible(), "the message stands beside the memory field");
        assertEquals("⚠ This host has 3072 MiB of memory: give the VM at most 3072 MiB.", beside.getText());
        assertFalse(robot.lookup("#errorLabel").queryAs(Label.class).isVisible(), "and not again at the foot");
        assertTrue(memory.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid")),
                "the field is marked");
        assertEquals(beside.getText(), memory.getAccessibleHelp(), "a screen reader hears why");

        replaceText(robot, "#memoryField", "2048");
        assertFalse(beside.isVisible(), "the message goes once the memory fits");
        assertTrue(memory.getPseudoClassStates().stream().noneMatch(p -> p.getPseudoClassName().equals("invalid")));
        robot.clickOn("#nextButton");
        assertEquals("Storage", title(robot));
    }

    @Test
    void cancellingAsksBeforeDiscardingTheAnswersThenClosesTheWindow(FxRobot robot) {
        robot.clickOn("#nameField").write(prefix + "-c");
        robot.clickOn("#cancelButton");
        assertTrue(stage.isShowing(), "a typed name is not thrown away without asking");
        robot.clickOn(robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Discard")).findFirst().orElseThrow());
        assertFalse(stage.isShowing());
    }
}
