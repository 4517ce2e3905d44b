package org.bulkhead.app.gui;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.bulkhead.app.wiring.Wiring;
import org.bulkhead.model.disposable.Disposable;
import org.bulkhead.model.disposable.DisposableVms;
import org.bulkhead.model.store.DomainKey;
import org.bulkhead.model.store.DomainStore;
import org.bulkhead.ui.common.BackgroundTaskExecutor;
import org.bulkhead.ui.common.FxDialogService;
import org.bulkhead.ui.connection.KnownConnections;
import org.bulkhead.ui.console.ConsoleView;
import org.bulkhead.ui.console.ConsoleViewModel;
import org.bulkhead.ui.main.DomainRow;
import org.bulkhead.ui.main.MainViewModel;

/**
 * A kiosk session's only window: the console of its disposable VM, full screen (or windowed),
 * with the VM's trust marker and label on top and no way to the main window or other VMs.
 * {@link #show} returns when the window closes or the guest powers off; the caller ends the VM.
 */
public final class KioskWindow {

    private final Wiring wiring;
    private final DisposableVms vms;
    private final Disposable disposable;
    private final boolean fullScreen;
    private final PrintWriter out;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Stage stage;
    private MainViewModel viewModel;
    private BackgroundTaskExecutor tasks;
    private ConsoleViewModel console;

    private KioskWindow(Wiring wiring, DisposableVms vms, Disposable disposable, boolean fullScreen, PrintWriter out) {
        this.wiring = wiring;
        this.vms = vms;
        this.disposable = disposable;
        this.fullScreen = fullScreen;
        this.out = out;
    }

    /**
     * Starts JavaFX. Call it before the first libvirt connection opens: libvirt's event loop and
     * GTK iterate the same GLib main context, and the toolkit must have it first (as in the window).
     */
    public static void startToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        RenderingPipeline.chooseBeforeToolkit();
        Platform.startup(started::countDown);
        Platform.setImplicitExit(false);
        started.await();
        Platform.runLater(RenderingPipeline::pauseWhenIdle);
    }

    /** Shows the session's window and blocks until it closes or the VM stops; then stops JavaFX. */
    public static void show(Wiring wiring, DisposableVms vms, Disposable disposable, boolean fullScreen, PrintWriter out)
            throws InterruptedException {
        KioskWindow window = new KioskWindow(wiring, vms, disposable, fullScreen, out);
        try (AutoCloseable watch = vms.whenStopped(disposable, window.closed::countDown)) {
            Platform.runLater(window::open);
            window.closed.await();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not stop watching the session's VM: " + e.getMessage(), e);
        } finally {
            Platform.runLater(window::close);
            Platform.exit();
        }
    }

    private void open() {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("bulkhead-kiosk");
            scratch.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stage = new Stage();
        DomainStore store = Wiring.store(Platform::runLater);
        tasks = new BackgroundTaskExecutor(Platform::runLater);
        // Only the session's own row is shown; the view model just follows libvirt for it.
        viewModel = new MainViewModel(store, uri -> wiring.session(uri, store),
                new KnownConnections(scratch.resolve("connections.json")), tasks, new FxDialogService(() -> stage),
                Platform::runLater, Duration.ofSeconds(5));
        viewModel.open(disposable.uri());
        Label starting = new Label("Starting a fresh, isolated session…");
        Scene scene = new Scene(new StackPane(starting), 1024, 800);
        scene.getStylesheets().addAll(ConsoleView.stylesheets());
        stage.setScene(scene);
        stage.setTitle("Bulkhead kiosk");
        if (fullScreen) {
            // A guest cannot leave full screen for a desktop behind it: no exit key, no hint.
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
            // Without a window manager (a bare X session) full screen is only asked for: cover the screen anyway.
            var screen = javafx.stage.Screen.getPrimary().getBounds();
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        }
        stage.setOnHidden(event -> closed.countDown());
        stage.show();
        showConsole(new DomainKey(disposable.uri(), disposable.uuid()), 0);
    }

    private void showConsole(DomainKey key, int step) {
        Optional<DomainRow> row = viewModel.row(key);
        if (row.isEmpty()) {
            if (step > 300) {
                out.println("The session's VM did not appear on " + key.connectionUri() + "; ending the session.");
                out.flush();
                closed.countDown();
                return;
            }
            PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(100));
            pause.setOnFinished(event -> showConsole(key, step + 1));
            pause.play();
            return;
        }
        console = new ConsoleViewModel(row.get(), viewModel.consoleTransport(), Platform::runLater);
        ConsoleView view = new ConsoleView(console);
        stage.getScene().setRoot(view.root());
        stage.titleProperty().bind(console.titleProperty().concat(" · Bulkhead kiosk"));
        console.phaseProperty().addListener((obs, old, now) -> {
            if (now == ConsoleViewModel.Phase.CONNECTED) {
                out.println("Console of '" + row.get().name() + "' connected"
                        + (stage.isFullScreen() ? " (full screen)." : " (windowed)."));
                out.flush();
            }
        });
        view.root().requestFocus();
    }

    private void close() {
        if (console != null) {
            console.dispose();
        }
        if (stage != null) {
            stage.setOnHidden(null);
            stage.close();
        }
        if (viewModel != null) {
            viewModel.close();
        }
        if (tasks != null) {
            tasks.shutdown();
        }
    }
}
