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

    /** What the window starts with: the saved connections, the ones to open, and problems met finding them. */
    record Startup(KnownConnections known, List<String> connections, List<Problem> problems) {
    }

    /** Worked out by the launcher before the toolkit starts; worked out here when absent. */
    static volatile Startup startup;
    /** The adapters, started by the launcher while the toolkit starts; built here when absent. */
    static volatile CompletableFuture<Wiring> wiring;

    private MainWindow window;
    private Wiring wired;

    @Override
    public void start(Stage stage) {
        Startup given = startup;
        if (given == null) {
            KnownConnections known = new KnownConnections(KnownConnections.defaultFile(System.getenv()));
            List<Problem> problems = new ArrayList<>();
            given = new Startup(known, startupConnections(List.of(), known, problems::add), problems);
        }
        CompletableFuture<Wiring> started = wiring;
        wired = started != null ? started.join() : Wiring.real();
        // The connections opened ahead (see GuiLauncher) are taken by the sessions the window opens
        // before its view is loaded, so libvirt lists while it loads.
        window = MainWindow.show(stage, wired, given.known(), given.connections(), STATS_INTERVAL, Platform::exit);
        // After the window is up, so a problem with the saved connections has a window to belong to.
        FxDialogService dialogs = new FxDialogService(() -> stage);
        given.problems().forEach(dialogs::showError);
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
        if (wired != null) {
            wired.closeUnclaimed();
        }
    }
}
