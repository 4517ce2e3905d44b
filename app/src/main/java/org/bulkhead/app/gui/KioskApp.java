package org.bulkhead.app.gui;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import javafx.animation.PauseTransition;
import javafx.application.Application;
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
 * Closing it, or the guest powering off, ends the application; the caller then ends the VM.
 */
public final class KioskApp extends Application {

    /** What the session runs; set by {@link #run} before the toolkit starts. */
    private record Session(Wiring wiring, DisposableVms vms, Disposable disposable, boolean fullScreen, PrintWriter out) {
    }

    private static volatile Session session;

    private MainViewModel viewModel;
    private BackgroundTaskExecutor tasks;
    private AutoCloseable watch;

    /** Shows the kiosk window and blocks until it closes. */
    public static void run(Wiring wiring, DisposableVms vms, Disposable disposable, boolean fullScreen, PrintWriter out) {
        session = new Session(wiring, vms, disposable, fullScreen, out);
        Application.launch(KioskApp.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        Session s = session;
        DomainStore store = Wiring.store(Platform::runLater);
        tasks = new BackgroundTaskExecutor(Platform::runLater);
        Path scratch = Files.createTempDirectory("bulkhead-kiosk");
        scratch.toFile().deleteOnExit();
        // Only the session's own row is ever shown; the view model just follows libvirt for it.
        viewModel = new MainViewModel(store, uri -> s.wiring().session(uri, store),
                new KnownConnections(scratch.resolve("connections.json")), tasks, new FxDialogService(() -> stage),
                Platform::runLater, Duration.ofSeconds(5));
        viewModel.open(s.disposable().uri());
        watch = s.vms().whenStopped(s.disposable(), () -> Platform.runLater(Platform::exit));

        Label starting = new Label("Starting a fresh, isolated session…");
        starting.getStyleClass().add("console-overlay");
        Scene scene = new Scene(new StackPane(starting), 1024, 800);
        scene.getStylesheets().addAll(ConsoleView.stylesheets());
        stage.setScene(scene);
        stage.setTitle("Bulkhead kiosk");
        if (s.fullScreen()) {
            // A guest cannot leave full screen for a desktop behind it: no exit key, no hint.
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
        }
        stage.setOnHidden(event -> Platform.exit());
        stage.show();
        showConsole(stage, new DomainKey(s.disposable().uri(), s.disposable().uuid()), 0);
    }

    private void showConsole(Stage stage, DomainKey key, int step) {
        Optional<DomainRow> row = viewModel.row(key);
        if (row.isEmpty()) {
            if (step > 300) {
                session.out().println("The disposable VM did not appear on " + key.connectionUri() + "; ending the session.");
                session.out().flush();
                Platform.exit();
                return;
            }
            PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(100));
            pause.setOnFinished(event -> showConsole(stage, key, step + 1));
            pause.play();
            return;
        }
        ConsoleViewModel console = new ConsoleViewModel(row.get(), viewModel.consoleTransport(), Platform::runLater);
        ConsoleView view = new ConsoleView(console);
        stage.getScene().setRoot(view.root());
        stage.titleProperty().bind(console.titleProperty().concat(" · Bulkhead kiosk"));
        console.phaseProperty().addListener((obs, old, now) -> {
            if (now == ConsoleViewModel.Phase.CONNECTED) {
                session.out().println("Console of '" + row.get().name() + "' connected"
                        + (stage.isFullScreen() ? " (full screen)." : " (windowed)."));
                session.out().flush();
            }
        });
        stage.setOnHidden(event -> {
            console.dispose();
            Platform.exit();
        });
        view.root().requestFocus();
    }

    @Override
    public void stop() throws Exception {
        if (watch != null) {
            watch.close();
        }
        if (viewModel != null) {
            viewModel.close();
        }
        if (tasks != null) {
            tasks.shutdown();
        }
    }
}
