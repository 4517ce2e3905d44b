package org.bulkhead.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleting from the main window on test-driver hosts: a running VM is offered a force off first,
 * and deleting storage ends with which files went and which stayed, and why.
 */
class MainWindowDeleteTest {

    @TempDir
    Path dir;
    private final WindowDriver ui = new WindowDriver();

    @AfterEach
    void closeWindow() throws Exception {
        ui.close();
    }

    @Test
    void deleteOnARunningVmSaysWhyItCannotAndOffersToForceItOffFirstThenDeletesIt() throws Exception {
        String node = NodeFile.write(dir, "running", NodeFile.domain("web", "system_u:system_r:svirt_t:s0:c1,c2",
                "running"), NodeFile.domain("db", "system_u:system_r:svirt_t:s0:c3,c4", "running"));
        ui.open(dir, node);
        ui.select("web");
        assertFalse(ui.onFx(() -> ui.toolbarButton("deleteButton").isDisabled()), "Delete is offered on a running VM");

        ui.type(KeyCode.DELETE);
        ui.await("it says why first", ui::dialogOpen);
        String why = ui.onFx(() -> ui.dialogTexts().toString());
        assertTrue(why.contains("“web” is running. Force it off, then delete it?"), why);
        assertTrue(why.contains("A running VM cannot be deleted"), why);
        ui.clickOn(ui.dialogButton("Cancel"));
        ui.await("the question is gone", () -> !ui.dialogOpen());
        ui.sleep(300);
        assertEquals("running", ui.onFx(() -> ui.cell("web", "State")), "cancelled: nothing happened");

        ui.type(KeyCode.DELETE);
        ui.await("asked again", ui::dialogOpen);
        ui.clickOn(ui.dialogButton("Force off first"));
        ui.await("then the deletion itself is asked", () -> ui.dialogTexts().toString().contains("Delete “web” from"));
        ui.clickOn(ui.dialogButton("Delete"));

        ui.await("web is forced off and deleted; db still runs", () -> ui.shownNames().equals(List.of("db")));
        assertEquals("running", ui.onFx(() -> ui.cell("db", "State")));
        assertTrue(ui.hypervisor.callLog().stream().anyMatch(call -> call.startsWith("destroy[")),
                "forced off first: " + ui.hypervisor.callLog());
    }

    @Test
    void afterDeletingStorageTheWindowSaysWhichFilesWereDeletedAndWhichWereNotAndWhy() throws Exception {
        String node = NodeFile.write(dir, "storage", NodeFile.pool("bh-pool", "kiosk.img"),
                NodeFile.domain("old-kiosk", "system_u:system_r:svirt_t:s0:c3,c4", "shut off", "/bh-pool/kiosk.img",
                        "/srv/kiosk-data.qcow2"));
        ui.open(dir, node);
        ui.select("old-kiosk");

        ui.type(KeyCode.DELETE);
        ui.await("the deletion is asked", ui::dialogOpen);
        ui.clickOn(ui.lookup("#delete-storage").queryAs(CheckBox.class));
        ui.clickOn(ui.dialogButton("Delete"));

        ui.await("the outcome is told", () -> ui.dialogTexts().toString().contains("Deleted “old-kiosk”;"));
        String told = ui.onFx(() -> ui.dialogTexts().toString()).replaceAll("\\s+", " ");
        assertTrue(told.contains("one file was not deleted"), told);
        assertTrue(told.contains("Deleted: /bh-pool/kiosk.img"), told);
        assertTrue(told.contains("Not deleted: /srv/kiosk-data.qcow2: no storage pool holds it"), told);
        ui.await("the row is gone", () -> ui.shownNames().isEmpty());
        ui.clickOn(ui.dialogButton("OK"));
        ui.await("the report closes", () -> !ui.dialogOpen());
    }
}
