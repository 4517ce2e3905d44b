package org.bulkhead.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main window with the keyboard alone, on test:///default: the first row is ready for Enter,
 * lifecycle actions have shortcuts, the row menu opens from the keyboard, and focus stays on the
 * table instead of drifting to a destructive button.
 */
class MainWindowKeysTest {

    private static final String DEFAULT = "test:///default";

    @TempDir
    Path dir;
    private final WindowDriver ui = new WindowDriver();

    @AfterEach
    void closeWindow() throws Exception {
        ui.close();
    }

    @Test
    void atLaunchTheFirstRowIsSelectedAndFocusedSoEnterOpensItsDetails() throws Exception {
        ui.open(dir, DEFAULT);
        ui.await("the domain test is listed", () -> ui.rowCells("test").isPresent());
        ui.await("its row is selected", () -> ui.table().getSelectionModel().getSelectedIndex() == 0);
        assertEquals(0, ui.onFx(() -> ui.table().getFocusModel().getFocusedIndex()), "and has the focus");
        assertSame(ui.table(), focusOwner(), "the table has the keyboard");

        ui.type(KeyCode.ENTER);

        ui.await("the details of test open", () -> ui.lookup(".details-title").tryQuery().map(WindowDriver::texts)
                .orElse("").startsWith("test on " + DEFAULT));
    }

    @Test
    void lifecycleShortcutsActOnTheSelectedDomainAndAreShownInMenusAndTooltips() throws Exception {
        ui.open(dir, DEFAULT);
        ui.select("test");

        ui.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        ui.await("Ctrl+P pauses", () -> ui.cell("test", "State").equals("paused"));
        ui.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        ui.await("Ctrl+R resumes", () -> ui.cell("test", "State").equals("running"));
        ui.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        ui.await("Ctrl+T asks before forcing off", ui::dialogOpen);
        ui.type(KeyCode.ENTER);
        ui.await("Enter took the safe answer", () -> !ui.dialogOpen());
        ui.sleep(300);
        assertEquals("running", ui.onFx(() -> ui.cell("test", "State")));
        ui.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        ui.await("Ctrl+D shuts down", () -> ui.cell("test", "State").equals("shut off"));
        ui.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        ui.await("Ctrl+S starts", () -> ui.cell("test", "State").equals("running"));

        assertEquals("Ctrl+S", ui.onFx(() -> menuItem("startItem").getAccelerator().getDisplayText()));
        assertEquals("Ctrl+D", ui.onFx(() -> menuItem("shutDownItem").getAccelerator().getDisplayText()));
        assertEquals("Ctrl+P", ui.onFx(() -> menuItem("pauseItem").getAccelerator().getDisplayText()));
        assertEquals("Ctrl+R", ui.onFx(() -> menuItem("resumeItem").getAccelerator().getDisplayText()));
        assertEquals("Ctrl+T", ui.onFx(() -> menuItem("forceOffItem").getAccelerator().getDisplayText()));
        assertTrue(ui.onFx(() -> ui.toolbarButton("shutDownButton").getTooltip().getText()).contains("Ctrl+D"));
        assertTrue(ui.onFx(() -> ui.toolbarButton("forceOffButton").getTooltip().getText()).contains("Ctrl+T"));
    }

    @Test
    void afterShutDownFromTheToolbarFocusStaysOnTheTableNotOnDelete() throws Exception {
        ui.open(dir, DEFAULT);
        ui.select("test");

        ui.clickOn(ui.toolbarButton("shutDownButton"));
        ui.await("the row says shut off", () -> ui.cell("test", "State").equals("shut off"));
        ui.await("Delete is possible now", () -> !ui.toolbarButton("deleteButton").isDisabled());
        ui.sleep(200);

        Node focused = focusOwner();
        assertFalse(focused instanceof Button, "focus is on " + focused);
        assertSame(ui.table(), focused, "the keyboard stays with the table");
        ui.type(KeyCode.ENTER);
        assertFalse(ui.onFx(ui::dialogOpen), "Enter asked nothing about deleting");
    }

    @Test
    void theRowMenuOpensWithShiftF10AndTheMenuKey() throws Exception {
        ui.open(dir, DEFAULT);
        ui.select("test");

        ui.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        ui.await("Shift+F10 opens the row menu", () -> ui.table().getContextMenu().isShowing());
        ui.type(KeyCode.ESCAPE);
        ui.await("Escape closes it", () -> !ui.table().getContextMenu().isShowing());

        ui.type(KeyCode.CONTEXT_MENU);
        ui.await("the Menu key opens it", () -> ui.table().getContextMenu().isShowing());
        ui.type(KeyCode.ESCAPE);
    }

    @Test
    void enterOnTheDeleteStorageBoxKeepsTheDomainInsteadOfTickingTheBox() throws Exception {
        ui.open(dir, DEFAULT);
        ui.select("test");
        ui.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        ui.await("test is shut off", () -> ui.cell("test", "State").equals("shut off"));
        ui.type(KeyCode.DELETE);
        ui.await("the deletion is asked first", ui::dialogOpen);
        CheckBox storage = ui.lookup("#delete-storage").queryAs(CheckBox.class);
        for (int i = 0; i < 6 && !ui.onFx(storage::isFocused); i++) {
            ui.type(KeyCode.TAB);
        }
        assertTrue(ui.onFx(storage::isFocused), "Tab reaches “Also delete its storage”");

        ui.type(KeyCode.ENTER);

        ui.await("Enter took the safe answer and closed the question", () -> !ui.dialogOpen());
        assertFalse(ui.onFx(storage::isSelected), "the storage box was not ticked");
        ui.sleep(300);
        assertEquals(List.of("test"), ui.shownNames(), "nothing was deleted");
    }

    @Test
    void ctrlQQuits() throws Exception {
        ui.open(dir, DEFAULT);
        ui.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        ui.await("the application was asked to quit", () -> ui.quits.get() == 1);
    }

    private Node focusOwner() {
        return ui.onFx(() -> ui.window().stage().getScene().getFocusOwner());
    }

    private MenuItem menuItem(String id) {
        MenuBar bar = ui.lookup("#menuBar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
    }
}
