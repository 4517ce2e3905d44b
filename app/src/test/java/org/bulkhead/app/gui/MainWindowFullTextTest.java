package org.bulkhead.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;

import org.bulkhead.ui.main.DomainRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Nothing the table cuts is lost: at 800 px the label keeps its MCS range, a long AppArmor
 * profile name stays on one line, every cut cell has its whole text as tooltip, the selection
 * line and Ctrl+C give the selected row whole, figures stay readable on a selected row, and a
 * denial count that could not be checked says so.
 */
class MainWindowFullTextTest {

    private static final String LONG_NAME = "accounting-nightly-build-runner-for-the-windows-11-release-branch";
    private static final String LABEL = "system_u:system_r:svirt_t:s0:c12,c34";
    private static final String PROFILE = "libvirt-6a1e0000-0000-4000-9000-00000000abcd";

    @TempDir
    Path dir;
    private final WindowDriver ui = new WindowDriver();

    @AfterEach
    void closeWindow() throws Exception {
        ui.close();
    }

    @Test
    void atEightHundredPixelsTheMcsRangeStaysAndEveryCutTextIsWholeInItsTooltipAndTheSelectionLine() throws Exception {
        String node = NodeFile.write(dir, "narrow", NodeFile.domain(LONG_NAME, LABEL, "running"),
                NodeFile.domain("db", "system_u:system_r:svirt_t:s0:c5,c6", "running"),
                NodeFile.domain("profiled", PROFILE, "running"));
        ui.open(dir, node);
        ui.onFx(() -> {
            ui.window().stage().setWidth(800);
            return null;
        });
        ui.await("the rows are drawn at 800 px", () -> ui.window().stage().getWidth() == 800
                && ui.rowCells(LONG_NAME).isPresent() && ui.rowCells("profiled").isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        String label = ui.onFx(() -> ui.cell(LONG_NAME, "Label"));
        assertTrue(label.endsWith("s0:c12,c34") && label.contains("\u2026"),
                "the context gives way, the MCS range stays whole: " + label);
        assertTrue(ui.onFx(() -> cell(LONG_NAME, "Label").getTooltip().getText()).startsWith(LABEL));

        String profile = ui.onFx(() -> ui.cell("profiled", "Label"));
        assertTrue(profile.startsWith("libvirt-") && profile.endsWith("abcd") && profile.contains("\u2026"),
                "a long profile name loses its middle, not its ends: " + profile);
        Node line = ui.onFx(() -> cell("profiled", "Label").lookup(".label-line"));
        assertTrue(ui.onFx(() -> line.getBoundsInParent().getHeight()) < 26, "one line, not a tall row");

        assertEquals(LONG_NAME, ui.onFx(() -> cell(LONG_NAME, "Name").getTooltip().getText()), "a cut name");
        assertNull(ui.onFx(() -> cell("db", "Name").getTooltip()), "a name shown whole needs no tooltip");
        ui.await("a figure is shown", () -> ui.cell("db", "CPU").endsWith("%"));
        assertTrue(ui.onFx(() -> cell("db", "CPU").getTooltip().getText()).matches("CPU \\d+ %.*"),
                ui.onFx(() -> cell("db", "CPU").getTooltip().getText()));

        ui.select(LONG_NAME);
        Label selection = ui.lookup("#selectionLine").queryAs(Label.class);
        ui.await("the selection line has the row whole", () -> selection.getText().startsWith(LONG_NAME + ": running")
                && selection.getText().contains("label " + LABEL));
        assertEquals(ui.onFx(selection::getText), ui.onFx(() -> ((Text) selection.lookup(".text")).getText()),
                "the line wraps instead of cutting");
        ui.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        ui.await("Ctrl+C copies the row in words", () -> Optional.ofNullable(Clipboard.getSystemClipboard().getString())
                .orElse("").contains(LABEL));
    }

    @Test
    void figuresOnTheSelectedRowAreReadableAgainstTheSelection() throws Exception {
        ui.open(dir, "test:///default");
        ui.select("test");
        ui.await("the CPU figure is shown", () -> ui.cell("test", "CPU").endsWith("%"));
        WaitForAsyncUtils.waitForFxEvents();
        for (String column : new String[] {"CPU", "Memory"}) {
            double ratio = ui.onFx(() -> {
                TableCell<?, ?> usage = cell("test", column);
                Color text = (Color) ((Text) usage.lookup(".usage-value")).getFill();
                return contrast(text, rowBackground(usage));
            });
            assertTrue(ratio >= 4.5, column + " figure on the selected row: contrast " + ratio + ":1, below 4.5:1");
        }
    }

    @Test
    void aDenialCountThatCouldNotBeCheckedIsADashSayingSoNeverAZeroOrAQuestionMark() throws Exception {
        ui.auditLog = dir.resolve("no-audit.log"); // not there: the log cannot be read
        ui.open(dir, "test:///default");
        ui.await("the row is drawn", () -> ui.rowCells("test").isPresent());
        ui.await("the denials were looked for", () -> cell("test", "Denials").getTooltip() != null
                && cell("test", "Denials").getTooltip().getText().contains("no-audit.log"));

        assertEquals("\u2014", ui.onFx(() -> ui.cell("test", "Denials")));
        String tip = ui.onFx(() -> cell("test", "Denials").getTooltip().getText());
        assertTrue(tip.startsWith("Denials not checked: cannot read the audit log"), tip);
        assertTrue(tip.contains("not shown as zero"), tip);
        Label badge = ui.onFx(() -> (Label) cell("test", "Denials").lookup(".denial-badge"));
        assertEquals("denials not checked", ui.onFx(badge::getAccessibleText), "a screen reader says it in words");
        double ratio = ui.onFx(() -> contrast((Color) badge.getTextFill(), rowBackground(cell("test", "Denials"))));
        assertTrue(ratio >= 4.5, "the dash reads plainly on its row, not faint: " + ratio + ":1");
        assertTrue(ui.onFx(() -> ui.lookup("#selectionLine").queryAs(Label.class).getText()).contains("denials not checked"));
    }

    /** The cell a column shows for the domain, on the FX thread. */
    private TableCell<?, ?> cell(String name, String column) {
        for (Node node : ui.table().lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.getItem() instanceof DomainRow domain && domain.name().equals(name)) {
                for (Node child : row.getChildrenUnmodifiable()) {
                    if (child instanceof TableCell<?, ?> cell && cell.getTableColumn().getText().equals(column)) {
                        return cell;
                    }
                }
            }
        }
        throw new AssertionError("no " + column + " cell for " + name);
    }

    private static Color rowBackground(TableCell<?, ?> cell) {
        TableRow<?> row = cell.getTableRow();
        var fills = row.getBackground().getFills();
        BackgroundFill top = fills.get(fills.size() - 1);
        return (Color) top.getFill();
    }

    /** WCAG 2 contrast ratio of two opaque colours. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
