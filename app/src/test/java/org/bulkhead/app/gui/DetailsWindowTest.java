package org.bulkhead.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The details window on test:///default, live beside the main window: what is done in one shows
 * in the other, with lifecycle buttons, an Overview of the machine and its XML.
 */
class DetailsWindowTest {

    private static final String DEFAULT = "test:///default";

    @TempDir
    Path dir;
    private final WindowDriver ui = new WindowDriver();

    @AfterEach
    void closeWindow() throws Exception {
        ui.close();
    }

    @Test
    void theDetailsWindowFollowsAPauseAndAResumeDoneInTheMainWindow() throws Exception {
        ui.open(dir, DEFAULT);
        ui.select("test");
        ui.type(KeyCode.ENTER);
        ui.await("the details of test open", () -> details().isPresent());
        ui.await("it says running", () -> fact("State").equals("running"));

        ui.onFx(() -> {
            ui.window().stage().requestFocus();
            return true;
        });
        ui.clickOn(ui.toolbarButton("pauseButton"));
        ui.await("the row says paused", () -> ui.cell("test", "State").equals("paused"));
        ui.await("the details say paused", () -> fact("State").equals("paused"));
        ui.await("Resume is offered in the details too", () -> !detailsButton("details-resume").isDisabled());

        // A collection in between once silenced the details' lists (they listened through a wrapper nobody kept).
        System.gc();
        ui.clickOn(ui.toolbarButton("resumeButton"));
        ui.await("the row says running", () -> ui.cell("test", "State").equals("running"));
        ui.await("the details follow the Resume", () -> fact("State").equals("running"));
        ui.await("and offer Pause again", () -> !detailsButton("details-pause").isDisabled()
                && detailsButton("details-resume").isDisabled());
        assertEquals(ui.onFx(() -> ui.cell("test", "Trust")), ui.onFx(() -> trustText()),
                "the details' trust marker says what the row says");
    }

    @Test
    void theDetailsButtonsActOnTheDomainAndTheMainWindowFollows() throws Exception {
        ui.open(dir, DEFAULT);
        ui.select("test");
        ui.type(KeyCode.ENTER);
        ui.await("the details of test open", () -> details().isPresent());

        // The details' lists must outlive a garbage collection: they once listened through a wrapper nobody kept.
        System.gc();
        ui.clickOn(detailsButton("details-pause"));
        ui.await("the row says paused", () -> ui.cell("test", "State").equals("paused"));
        ui.await("the details say paused", () -> fact("State").equals("paused"));
        ui.onFx(() -> {
            details().orElseThrow().requestFocus();
            return true;
        });
        ui.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        ui.await("Ctrl+R in the details resumes", () -> ui.cell("test", "State").equals("running"));
    }

    @Test
    void theOverviewTellsTheMachineAndTheXmlTabShowsAndCopiesTheLiveXml() throws Exception {
        ui.open(dir, DEFAULT);
        ui.select("test");
        ui.type(KeyCode.ENTER);
        ui.await("the details of test open", () -> details().isPresent());

        for (String fact : List.of("Operating system", "Memory", "Virtual CPUs", "Network", "Disks", "Graphics",
                "How to reach its screen")) {
            assertTrue(!ui.onFx(() -> fact(fact)).isEmpty(), fact + " is on the Overview");
        }
        assertTrue(ui.onFx(() -> fact("Memory")).endsWith(" MiB"), ui.onFx(() -> fact("Memory")));

        ui.onFx(() -> {
            TabPane tabs = (TabPane) details().orElseThrow().getScene().lookup(".tab-pane");
            Tab xml = tabs.getTabs().stream().filter(t -> t.getText().equals("XML")).findFirst().orElseThrow();
            tabs.getSelectionModel().select(xml);
            return true;
        });
        TextArea area = ui.onFx(() -> (TextArea) details().orElseThrow().getScene().lookup("#xmlArea"));
        assertTrue(ui.onFx(area::getText).contains("<name>test</name>"), "the live XML");
        assertTrue(!ui.onFx(area::isEditable), "read-only");
        ui.clickOn(detailsButton("copyXmlButton"));
        assertEquals(ui.onFx(area::getText), ui.onFx(() -> Clipboard.getSystemClipboard().getString()));
    }

    private Optional<Stage> details() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith("Details: ")).map(w -> (Stage) w).findFirst();
    }

    /** The Overview's value for {@code name}, or "" while the window is not open. */
    private String fact(String name) {
        Optional<Stage> stage = details();
        if (stage.isEmpty()) {
            return "";
        }
        List<Node> cells = List.copyOf(((javafx.scene.layout.GridPane) stage.get().getScene().lookup(".facts"))
                .getChildren());
        for (int i = 0; i + 1 < cells.size(); i += 2) {
            if (((Label) cells.get(i)).getText().equals(name)) {
                return ((Label) cells.get(i + 1)).getText();
            }
        }
        return "";
    }

    private Button detailsButton(String id) {
        return ui.onFx(() -> (Button) details().orElseThrow().getScene().lookup("#" + id));
    }

    private String trustText() {
        return ((Label) details().orElseThrow().getScene().lookup(".details-trust")).getText();
    }
}
