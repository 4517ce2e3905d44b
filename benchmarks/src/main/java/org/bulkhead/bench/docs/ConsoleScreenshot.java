package org.bulkhead.bench.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.bulkhead.app.wiring.Wiring;
import org.bulkhead.app.gui.MainWindow;
import org.bulkhead.bench.Fx;
import org.bulkhead.ui.connection.KnownConnections;
import org.bulkhead.ui.main.DomainRow;

/**
 * Stages the README's console picture on a real X server (scripts/screenshot-console runs it on
 * Xvfb): the real main window on a connection, "Open console" on the named running VM, a click
 * into its screen and a few keys typed into GRUB. It then waits, so a screenshot can be taken.
 *
 * <p>Usage: {@code ConsoleScreenshot URI VM-NAME SECONDS-TO-WAIT-FOR-THE-GUEST}
 */
public final class ConsoleScreenshot {

    private ConsoleScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        String name = args[1];
        long guestSeconds = Long.parseLong(args[2]);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await(60, TimeUnit.SECONDS);
        Path config = Files.createTempDirectory("bulkhead-screenshot");
        CompletableFuture<MainWindow> window = new CompletableFuture<>();
        Platform.runLater(() -> window.complete(MainWindow.show(new Stage(), Wiring.real(),
                new KnownConnections(config.resolve("connections.json")), List.of(uri), Duration.ofSeconds(2),
                Platform::exit)));
        MainWindow main = window.get(60, TimeUnit.SECONDS);
        until("the VM is listed", () -> row(main, name) != null);
        Fx.call(() -> {
            @SuppressWarnings("unchecked")
            TableView<DomainRow> table = (TableView<DomainRow>) main.stage().getScene().lookup("#domainTable");
            table.getSelectionModel().select(row(main, name));
            MenuBar bar = (MenuBar) main.stage().getScene().lookup(".menu-bar");
            for (Menu menu : bar.getMenus()) {
                for (MenuItem item : menu.getItems()) {
                    if ("Open console".equals(item.getText())) {
                        item.fire();
                    }
                }
            }
            return null;
        });
        until("the console window opens", () -> console() != null);
        Thread.sleep(guestSeconds * 1000);
        Node holder = Fx.call(() -> console().getScene().getRoot().lookup(".console-holder"));
        Fx.call(() -> {
            Bounds bounds = holder.localToScreen(holder.getBoundsInLocal());
            Robot robot = new Robot();
            robot.mouseMove(bounds.getCenterX(), bounds.getCenterY());
            robot.mouseClick(MouseButton.PRIMARY);
            return null;
        });
        Thread.sleep(500);
        type(KeyCode.C);
        Thread.sleep(12000);
        type(KeyCode.L, KeyCode.S, KeyCode.ENTER);
        Thread.sleep(4000);
        type(KeyCode.E, KeyCode.C, KeyCode.H, KeyCode.O, KeyCode.SPACE, KeyCode.H, KeyCode.E, KeyCode.L, KeyCode.L,
                KeyCode.O);
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void type(KeyCode... keys) throws Exception {
        for (KeyCode key : keys) {
            Fx.call(() -> {
                new Robot().keyType(key);
                return null;
            });
            // GRUB under TCG polls the keyboard slowly; QEMU's PS/2 queue drops what overflows.
            Thread.sleep(300);
        }
    }

    private static DomainRow row(MainWindow main, String name) {
        @SuppressWarnings("unchecked")
        TableView<DomainRow> table = (TableView<DomainRow>) main.stage().getScene().lookup("#domainTable");
        return table.getItems().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    private static Stage console() {
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage stage && stage.getScene() != null
                    && stage.getScene().getRoot().getStyleClass().contains("console")) {
                return stage;
            }
        }
        return null;
    }

    private static void until(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Fx.call(condition)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting until " + what);
    }
}
