package org.bulkhead.bench.docs;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.bulkhead.app.gui.MainWindow;
import org.bulkhead.app.wiring.Wiring;
import org.bulkhead.ui.common.BackgroundTaskExecutor;
import org.bulkhead.ui.connection.KnownConnections;
import org.bulkhead.ui.main.DomainRow;
import org.bulkhead.ui.wizard.NewVmWizardView;
import org.bulkhead.ui.wizard.NewVmWizardViewModel;
import org.bulkhead.ui.wizard.WizardPage;

/**
 * Stages the README's pictures of the wizard's summary and the details window on a real X
 * server (scripts/screenshot-windows runs it on Xvfb) against test:///default, and writes each
 * window's scene as a PNG.
 *
 * <p>Usage: {@code WindowScreenshots DOCS-DIR ISO} (an ISO whose volume label libosinfo knows)
 */
public final class WindowScreenshots {

    private static final String URI = "test:///default";

    private WindowScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path docs = Path.of(args[0]);
        String iso = args[1];
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await(60, TimeUnit.SECONDS);
        Path config = Files.createTempDirectory("bulkhead-screenshot");
        Wiring wiring = Wiring.real();
        MainWindow main = fx(() -> MainWindow.show(new Stage(), wiring,
                new KnownConnections(config.resolve("connections.json")), List.of(URI), Duration.ofSeconds(2),
                Platform::exit));

        NewVmWizardViewModel wizard = fx(() -> new NewVmWizardViewModel(wiring.creationPorts(),
                new BackgroundTaskExecutor(Platform::runLater), Platform::runLater, List.of(URI)));
        Stage wizardStage = fx(() -> new NewVmWizardView(wizard).show(null));
        until("the wizard connected", () -> !wizard.busyProperty().get() && wizard.pools().size() > 0);
        fx(() -> {
            wizard.nameProperty().set("web");
            wizard.next();
            wizard.isoPathProperty().set(iso);
            wizard.next();
            return null;
        });
        until("the ISO was read", () -> wizard.pageProperty().get() == WizardPage.RESOURCES);
        fx(() -> {
            wizard.memoryMiBProperty().set("2048");
            wizard.next();
            wizard.next();
            wizard.next();
            return null;
        });
        until("the summary is drafted", () -> wizard.pageProperty().get() == WizardPage.SUMMARY);
        Thread.sleep(1000);
        write(wizardStage.getScene(), docs.resolve("wizard-summary.png"));
        fx(() -> {
            ScrollPane scroller = (ScrollPane) wizardStage.getScene().lookup(".scroll-pane");
            scroller.setVvalue(0.55);
            return null;
        });
        Thread.sleep(500);
        write(wizardStage.getScene(), docs.resolve("wizard-summary-plan.png"));
        // Finish, so the details window shows a VM as the wizard makes it: its system, its own label.
        fx(() -> {
            wizard.startAfterProperty().set(false);
            wizard.acknowledgeWarningsProperty().set(true);
            wizard.finish();
            return null;
        });
        until("the VM is created", () -> wizard.outcomeProperty().get() != null);
        fx(() -> {
            wizardStage.hide();
            return null;
        });

        until("the new VM is listed", () -> row(main, "web") != null);
        fx(() -> {
            TableView<DomainRow> table = table(main);
            table.getSelectionModel().select(row(main, "web"));
            table.requestFocus();
            new javafx.scene.robot.Robot().keyType(javafx.scene.input.KeyCode.ENTER);
            return null;
        });
        until("the details window opens", () -> details() != null);
        Thread.sleep(1500);
        write(details().getScene(), docs.resolve("details-window.png"));
        fx(() -> {
            TabPane tabs = (TabPane) details().getScene().lookup(".tab-pane");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals("XML"))
                    .findFirst().orElseThrow());
            return null;
        });
        Thread.sleep(800);
        write(details().getScene(), docs.resolve("details-xml.png"));
        Platform.exit();
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    private static TableView<DomainRow> table(MainWindow main) {
        return (TableView<DomainRow>) main.stage().getScene().lookup("#domainTable");
    }

    private static DomainRow row(MainWindow main, String name) {
        return table(main).getItems().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    private static Stage details() {
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage stage && stage.getTitle() != null && stage.getTitle().startsWith("Details: ")) {
                return stage;
            }
        }
        return null;
    }

    /** The scene as drawn, as a PNG: JavaFX's own snapshot, so no window manager decorations. */
    private static void write(Scene scene, Path file) throws Exception {
        WritableImage image = fx(() -> scene.snapshot(null));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static void until(String what, Callable<Boolean> condition) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (fx(condition)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting until " + what);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
