package org.bulkhead.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Label;

import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The README's picture of the main window: docs/demo-node.xml (seven domains: isolated, sharing
 * a category, paused, unconfined, shut off, at s0 alone) with a row selected. With
 * {@code -Dbulkhead.screenshots=DIR} it writes DIR/main-window.png; either way it checks that
 * the picture would show what the README says it shows.
 */
class MainWindowPictureTest {

    @TempDir
    Path dir;
    private final WindowDriver ui = new WindowDriver();

    @AfterEach
    void closeWindow() throws Exception {
        ui.close();
    }

    @Test
    void theDemoHostShowsEachKindOfVmWithItsMarkerLabelDenialsAndFigures() throws Exception {
        Path source = Path.of("..", "docs", "demo-node.xml").toAbsolutePath().normalize();
        assertTrue(Files.exists(source), source + " is the README's demo host");
        // Under a short path of no one's machine, since the URI is in the picture.
        Path demo = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "bulkhead-demo"))
                .resolve("demo-node.xml");
        Files.copy(source, demo, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ui.auditLog = dir.resolve("audit.log"); // none: the Denials column says "not checked"
        String uri = "test://" + demo;
        ui.open(dir, uri);
        ui.await("all seven domains are listed", () -> ui.shownNames().size() == 7
                && ui.rowCells("scratch").isPresent());
        ui.select("web-frontend");
        ui.await("the running VMs show their figures", () -> ui.cell("web-frontend", "CPU").endsWith("%")
                && ui.cell("db-primary", "Memory").endsWith("GiB"));
        ui.await("the denials were looked for", () -> ui.cell("web-frontend", "Denials").equals("\u2014"));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("system_u:system_r:svirt_t:s0:c471,c902", ui.onFx(() -> ui.cell("web-frontend", "Label")),
                "a whole label at the default width");
        assertEquals("✖ unconfined", ui.onFx(() -> ui.cell("legacy-nt4", "Trust")));
        assertEquals("paused", ui.onFx(() -> ui.cell("mail-relay", "State")));
        assertTrue(ui.onFx(() -> ui.lookup("#selectionLine").queryAs(Label.class).getText())
                .startsWith("web-frontend: running"));
        assertTrue(ui.onFx(() -> ui.lookup(".status-bar").queryAs(StatusBar.class).getText()).startsWith("7 domains"));
        assertTrue(ui.onFx(() -> ui.headerText(uri)).contains("simulated"));

        WindowPicture.take(ui, ui.window().stage().getScene(), "main-window.png")
                .ifPresent(file -> System.out.println("wrote " + file));
        assertEquals(List.of(), ui.onFx(ui::dialogTexts), "no dialog in the picture");
    }
}
