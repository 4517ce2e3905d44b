package org.bulkhead.app.gui;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.bulkhead.app.wiring.Wiring;
import org.bulkhead.ui.common.FxDialogService;
import org.bulkhead.ui.common.Problem;
import org.bulkhead.ui.connection.KnownConnections;

/**
 * The application: wires the real adapters into the main window, opens the connections named on
 * the command line (or the remembered ones, or {@code test:///default}) and closes them on exit.
 */
public final class BulkheadApp extends Application {

    private static final Logger LOG = System.getLogger(BulkheadApp.class.getName());
    /**
     * How often each connection samples its domains' statistics, in one batched call: virt-manager's
     * default too. Every sample is a frame drawn, so this is most of an idle window's CPU.
     */
    static final Duration STATS_INTERVAL = Duration.ofSeconds(3);
    static final String DEFAULT_URI = "test:///default";

    static volatile List<String> requestedConnections = List.of();
    /** The adapters, started by the launcher while the toolkit starts; built here when absent. */
    static volatile CompletableFuture<Wiring> wiring;

    private MainWindow window;

    @Override
    public void start(Stage stage) {
        KnownConnections known = new KnownConnections(KnownConnections.defaultFile(System.getenv()));
        List<Problem> problems = new ArrayList<>();
        List<String> connections = startupConnections(requestedConnections, known, problems::add);
        CompletableFuture<Wiring> started = wiring;
        // The connections start opening before the view is loaded, so libvirt lists while it loads.
        window = MainWindow.show(stage, started != null ? started.join() : Wiring.real(), known, connections,
                STATS_INTERVAL, Platform::exit);
        // After the window is up, so a problem with the saved connections has a window to belong to.
        FxDialogService dialogs = new FxDialogService(() -> stage);
        problems.forEach(dialogs::showError);
        // Once the window is up: the reflection it takes is off the path to the first rows.
        Platform.runLater(RenderingPipeline::pauseWhenIdle);
    }

    /** The command line's connections; else the remembered ones; else the embedded test driver. */
    static List<String> startupConnections(List<String> requested, KnownConnections known, Consumer<Problem> problems) {
        if (!requested.isEmpty()) {
            return new ArrayList<>(new LinkedHashSet<>(requested));
        }
        try {
            List<String> remembered = known.load();
            if (!remembered.isEmpty()) {
                return remembered;
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not read " + known.file(), e);
            problems.accept(new Problem("Could not read the saved connections",
                    "Bulkhead opens " + DEFAULT_URI + " instead of the connections saved in " + known.file() + ".",
                    e.getMessage() == null ? e.toString() : e.getMessage(),
                    "Fix or delete " + known.file() + "; add your connections again with \"Add connection\"."));
        }
        return List.of(DEFAULT_URI);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
