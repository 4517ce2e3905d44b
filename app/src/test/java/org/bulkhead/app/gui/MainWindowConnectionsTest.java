package org.bulkhead.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.text.Text;

import org.bulkhead.ui.connection.KnownConnections;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections as a user adds and closes them: one that fails is not remembered unless the user
 * asks, its error is said once and whole, closing the last open one asks first, and New VM is
 * off with the reason while nothing is open.
 */
class MainWindowConnectionsTest {

    private static final String DEFAULT = "test:///default";

    @TempDir
    Path dir;
    private final WindowDriver ui = new WindowDriver();

    @AfterEach
    void closeWindow() throws Exception {
        ui.close();
    }

    @Test
    void aConnectionThatFailsIsNotRememberedUnaskedAndItsErrorIsShownOnceInFull() throws Exception {
        ui.open(dir, DEFAULT);
        String broken = "test://" + dir.resolve("no-such-host.xml");
        ui.clickOn(ui.toolbarButton("addConnectionButton"));
        ui.await("the Add connection dialog asks for a URI", ui::dialogOpen);
        ui.clickOn("#connection-uri").write(broken);
        ui.clickOn(ui.dialogButton("Connect"));

        ui.await("its header says it cannot connect, with the reason",
                () -> ui.headerText(broken).contains("cannot connect") && !error(broken).getText().isEmpty());
        String error = ui.onFx(() -> error(broken).getText());
        assertTrue(error.contains("no-such-host.xml"), "the reason names what failed: " + error);
        assertEquals(error, ui.onFx(() -> ((Text) error(broken).lookup(".text")).getText()), "shown whole, not cut");
        String window = ui.onFx(() -> WindowDriver.texts(ui.window().stage().getScene().getRoot()));
        assertEquals(1, window.split(java.util.regex.Pattern.quote(error), -1).length - 1,
                "the error appears once in the window: " + window);
        NotificationPane banner = ui.lookup(".banner").queryAs(NotificationPane.class);
        assertTrue(ui.onFx(banner::getText).startsWith("Cannot connect to " + broken), ui.onFx(banner::getText));
        assertFalse(ui.onFx(ui::dialogOpen), "no dialog repeats it");

        KnownConnections known = new KnownConnections(dir.resolve("connections.json"));
        ui.sleep(500);
        assertFalse(known.load().contains(broken), "a connection that failed is not saved without asking");
        assertTrue(ui.onFx(() -> ui.headerText(broken)).contains("Not saved for the next start"));

        ui.clickOn(button(broken, "Remember anyway"));
        ui.await("saved once asked", () -> known.load().contains(broken));
        ui.await("the offer goes", () -> !ui.headerText(broken).contains("Remember anyway"));
    }

    @Test
    void closingTheLastOpenConnectionAsksFirstAndThenNewVmIsOffWithTheReason() throws Exception {
        ui.open(dir, DEFAULT);
        ui.await("New VM is on while test:///default is open", () -> !ui.toolbarButton("newVmButton").isDisabled());

        ui.clickOn(button(DEFAULT, "Close and forget"));
        ui.await("closing the only open connection asks first", ui::dialogOpen);
        String question = ui.onFx(() -> ui.dialogTexts().toString());
        assertTrue(question.contains("Close " + DEFAULT + " and forget it?"), question);
        assertTrue(question.contains("No other connection is open"), question);
        ui.clickOn(ui.dialogButton("Cancel"));
        ui.await("the dialog is gone", () -> !ui.dialogOpen());
        assertEquals(List.of("test"), ui.shownNames(), "cancelled: still open");

        ui.clickOn(button(DEFAULT, "Close and forget"));
        ui.await("asked again", ui::dialogOpen);
        ui.clickOn(ui.dialogButton("Close and forget"));
        ui.await("the connection is closed", () -> ui.headerText(DEFAULT).isEmpty() && ui.shownNames().isEmpty());

        assertTrue(ui.onFx(() -> ui.toolbarButton("newVmButton").isDisabled()), "no connection: New VM is off");
        String status = ui.onFx(() -> ui.lookup(".status-bar").queryAs(StatusBar.class).getText());
        assertTrue(status.contains("New VM needs an open connection: add one with Connection ▸ Add connection…"), status);
        assertTrue(ui.onFx(() -> WindowDriver.texts(ui.table())).contains("No connection is open."));
    }

    private Label error(String uri) {
        return (Label) header(uri).lookup(".connection-error");
    }

    private Button button(String uri, String text) {
        return ui.onFx(() -> header(uri).lookupAll(".button").stream().map(Button.class::cast)
                .filter(b -> b.getText().equals(text) && b.isVisible()).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text + " in " + ui.headerText(uri))));
    }

    private Node header(String uri) {
        return ui.lookup(".connection-header").queryAll().stream()
                .filter(h -> WindowDriver.texts(h).contains(uri)).findFirst()
                .orElseThrow(() -> new AssertionError("no header for " + uri));
    }
}
