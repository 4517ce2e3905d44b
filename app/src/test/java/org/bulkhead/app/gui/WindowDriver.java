package org.bulkhead.app.gui;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.bulkhead.app.wiring.Wiring;
import org.bulkhead.hostsec.LocalHostSecurity;
import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.testing.ScriptedHypervisor;
import org.bulkhead.ui.common.Sparkline;
import org.bulkhead.ui.connection.KnownConnections;
import org.bulkhead.ui.main.DomainRow;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens the real main window on a stage, on real test:/// connections through a hypervisor the
 * test can break, and reads back what a user would see: cell texts, dialogs, the banner.
 */
final class WindowDriver extends FxRobot {

    static final Duration PATIENCE = Duration.ofSeconds(15);

    final ScriptedHypervisor hypervisor = new ScriptedHypervisor(new LibvirtHypervisor());
    /** How often the window asked the application to quit. */
    final AtomicInteger quits = new AtomicInteger();
    private MainWindow window;
    /** The audit log the window reads for local hosts; auditd's own when null. */
    Path auditLog;
    /** How long {@link #await} waits; a slow remote host (the lab over ssh) needs longer. */
    Duration patience = PATIENCE;

    /** Shows the window with these connections open, and waits until each one has connected. */
    WindowDriver open(Path configDir, String... uris) throws Exception {
        Wiring wiring = Wiring.of(hypervisor,
                auditLog == null ? LocalHostSecurity.create() : LocalHostSecurity.withAuditLog(auditLog));
        KnownConnections known = new KnownConnections(configDir.resolve("connections.json"));
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            window = MainWindow.show(stage, wiring, known, List.of(uris), Duration.ofMillis(200), quits::incrementAndGet);
            // The primary stage is shared by all tests: a width one test set must not carry over.
            stage.sizeToScene();
        });
        for (String uri : uris) {
            await("the header of " + uri + " says connected", () -> headerText(uri).contains("connected"));
        }
        return this;
    }

    MainWindow window() {
        return window;
    }

    /** Closes the window and waits until libvirt has let go of every connection. */
    void close() throws Exception {
        FxToolkit.setupFixture(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != window.stage() && w instanceof Stage stage) {
                    stage.close();
                }
            }
            window.close();
        });
        FxToolkit.cleanupStages();
        await("every libvirt connection is closed", hypervisor::allClosed);
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds; fails with what the window shows. */
    void await(String what, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                if (Boolean.TRUE.equals(WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS))) {
                    return;
                }
            } catch (Exception e) {
                throw new AssertionError("checking that " + what + " failed", e);
            }
            if (System.nanoTime() > deadline) {
                fail("waited " + patience.toSeconds() + " s for: " + what + "\nthe table shows:\n" + onFx(this::tableText)
                        + "\nopen dialogs: " + onFx(this::dialogTexts));
            }
            sleep(50);
        }
    }

    /**
     * Clicks the node's centre, measured on the FX thread. TestFX would measure it on the test
     * thread, and computing a Parent's bounds there while a pulse lays the same nodes out
     * corrupts their cached bounds (an IndexOutOfBoundsException in Parent.updateCachedBounds).
     */
    @Override
    public FxRobot clickOn(Node node, MouseButton... buttons) {
        // As TestFX does: typing after the click goes to the clicked node's window.
        targetWindow(node);
        moveTo(centre(node));
        clickOn(buttons);
        return this;
    }

    /** As {@link #clickOn(Node, MouseButton...)}, for the first visible node the query finds. */
    @Override
    public FxRobot clickOn(String query, MouseButton... buttons) {
        Node node = onFx(() -> lookup(query).match(Node::isVisible).query());
        return clickOn(node, buttons);
    }

    private Point2D centre(Node node) {
        return onFx(() -> {
            Bounds bounds = node.localToScreen(node.getBoundsInLocal());
            if (bounds == null) {
                throw new AssertionError(node + " is not on screen");
            }
            return new Point2D(bounds.getCenterX(), bounds.getCenterY());
        });
    }

    <T> T onFx(Supplier<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read::get).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    TableView<DomainRow> table() {
        return lookup("#domainTable").queryAs(TableView.class);
    }

    /** The names in the order the table shows them. */
    List<String> shownNames() {
        return onFx(() -> table().getItems().stream().map(DomainRow::name).toList());
    }

    /** Every column's text of the visible row showing {@code name}, by column title; empty if not shown. */
    Optional<List<String>> rowCells(String name) {
        for (Node node : table().lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && !row.isEmpty() && row.getItem() instanceof DomainRow domain
                    && domain.name().equals(name) && row.isVisible()) {
                List<String> cells = new ArrayList<>();
                for (Node child : row.getChildrenUnmodifiable()) {
                    if (child instanceof TableCell<?, ?> cell) {
                        cells.add(cell.getTableColumn().getText() + "=" + texts(cell));
                    }
                }
                return Optional.of(cells);
            }
        }
        return Optional.empty();
    }

    /** The text a column shows for the domain, e.g. cell("test", "State") is "running". */
    String cell(String name, String column) {
        return rowCells(name).orElseThrow(() -> new AssertionError(name + " is not shown"))
                .stream().filter(c -> c.startsWith(column + "=")).findFirst()
                .map(c -> c.substring(column.length() + 1))
                .orElseThrow(() -> new AssertionError("no column " + column));
    }

    String tableText() {
        return table().getItems().stream().map(row -> rowCells(row.name()).map(Object::toString).orElse(row.name()))
                .collect(Collectors.joining("\n"));
    }

    String headerText(String uri) {
        return lookup(".connection-header").queryAll().stream()
                .filter(header -> texts(header).contains(uri))
                .map(WindowDriver::texts).findFirst().orElse("");
    }

    /** What every open dialog says: header, content and buttons. */
    List<String> dialogTexts() {
        return lookup(".dialog-pane").queryAll().stream().filter(Node::isVisible).map(WindowDriver::texts).toList();
    }

    /** The visible, enabled button labelled {@code text} in an open dialog. */
    Button dialogButton(String text) {
        return lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getText()) && b.isVisible() && !b.isDisabled()).findFirst()
                .orElseThrow(() -> new AssertionError("no dialog button " + text + " in " + dialogTexts()));
    }

    Button toolbarButton(String id) {
        return lookup("#" + id).queryButton();
    }

    /** The open console window (a stage whose root has the {@code console} style class), if any; on the FX thread. */
    static Optional<Stage> consoleWindow() {
        for (Window window : Window.getWindows()) {
            if (window instanceof Stage stage && stage.getScene() != null
                    && stage.getScene().getRoot().getStyleClass().contains("console")) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    boolean dialogOpen() {
        return lookup(".dialog-pane").queryAll().stream().anyMatch(pane -> pane instanceof DialogPane
                && pane.getScene() != null && pane.getScene().getWindow() != null && pane.getScene().getWindow().isShowing());
    }

    /** Selects the domain's row with the mouse, as a user would. */
    void select(String name) {
        await(name + " is shown", () -> rowCells(name).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node row = onFx(() -> table().lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.getItem() instanceof DomainRow d && d.name().equals(name))
                .findFirst().orElseThrow());
        clickOn(row);
        await(name + " is selected", () -> table().getSelectionModel().getSelectedItem() != null
                && table().getSelectionModel().getSelectedItem().name().equals(name));
    }

    /** All text under a node, in scene order, separated by spaces. */
    static String texts(Node node) {
        List<String> parts = new ArrayList<>();
        collect(node, parts);
        return String.join(" ", parts);
    }

    private static void collect(Node node, List<String> parts) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Sparkline sparkline) {
            // Painted on a canvas; its value is the text a screen reader gets.
            parts.add(sparkline.valueText());
            return;
        }
        if (node instanceof TextFlow || node.getStyleClass().contains("label-line")) {
            // One line of styled runs (a label and its MCS range) reads as one word, as on screen.
            parts.add(((Parent) node).getChildrenUnmodifiable().stream().filter(Node::isVisible).filter(Text.class::isInstance)
                    .map(t -> ((Text) t).getText()).collect(Collectors.joining()).strip());
            return;
        }
        if (node instanceof Text text && text.getText() != null && !text.getText().isBlank()) {
            parts.add(text.getText().strip());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, parts));
        }
    }
}
