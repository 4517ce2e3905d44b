package org.bulkhead.app.gui;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.bulkhead.app.Wiring;
import org.bulkhead.model.store.DomainStore;
import org.bulkhead.ui.common.BackgroundTaskExecutor;
import org.bulkhead.ui.common.FxDialogService;
import org.bulkhead.ui.common.Problem;
import org.bulkhead.ui.connection.AddConnectionView;
import org.bulkhead.ui.connection.AddConnectionViewModel;
import org.bulkhead.ui.connection.KnownConnections;
import org.bulkhead.ui.details.DetailsWindows;
import org.bulkhead.ui.main.MainView;
import org.bulkhead.ui.main.MainViewModel;
import org.bulkhead.ui.wizard.NewVmWizardView;
import org.bulkhead.ui.wizard.NewVmWizardViewModel;

/**
 * The application: wires the real adapters into the main window, opens the connections named on
 * the command line (or the remembered ones, or {@code test:///default}) and closes them on exit.
 */
public final class BulkheadApp extends Application {

    private static final Logger LOG = Logger.getLogger(BulkheadApp.class.getName());
    /** How often each connection samples its domains' statistics, in one batched call. */
    static final Duration STATS_INTERVAL = Duration.ofSeconds(2);
    static final String DEFAULT_URI = "test:///default";

    static volatile List<String> requestedConnections = List.of();

    private MainViewModel viewModel;
    private BackgroundTaskExecutor tasks;
    private DetailsWindows details;

    @Override
    public void start(Stage stage) {
        Wiring wiring = Wiring.real();
        DomainStore store = Wiring.store(Platform::runLater);
        KnownConnections known = new KnownConnections(KnownConnections.defaultFile(System.getenv()));
        Window[] owner = new Window[1];
        FxDialogService dialogs = new FxDialogService(() -> owner[0]);
        tasks = new BackgroundTaskExecutor(Platform::runLater);
        viewModel = new MainViewModel(store, uri -> wiring.session(uri, store), known, tasks, dialogs,
                Platform::runLater, STATS_INTERVAL);
        details = new DetailsWindows(() -> owner[0]);
        MainView view = new MainView(viewModel, details::open, () -> addConnection(owner[0]), Platform::exit);
        view.setOnNewVm(() -> new NewVmWizardView(new NewVmWizardViewModel(wiring.wizardServices(), tasks,
                Platform::runLater, viewModel.connectionUris())).show(owner[0]));
        owner[0] = stage;
        view.show(stage);
        for (String uri : startupConnections(requestedConnections, known, dialogs)) {
            viewModel.open(uri);
        }
    }

    private void addConnection(Window owner) {
        new AddConnectionView(new AddConnectionViewModel(Set.copyOf(viewModel.connectionUris())))
                .showAndWait(owner)
                .ifPresent(viewModel::addConnection);
    }

    /** The command line's connections; else the remembered ones; else the embedded test driver. */
    static List<String> startupConnections(List<String> requested, KnownConnections known, FxDialogService dialogs) {
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
            dialogs.showError(new Problem("Could not read the saved connections",
                    "Bulkhead opens " + DEFAULT_URI + " instead of the connections saved in " + known.file() + ".",
                    e.getMessage() == null ? e.toString() : e.getMessage(),
                    "Fix or delete " + known.file() + "; add your connections again with \"Add connection\"."));
        }
        return List.of(DEFAULT_URI);
    }

    @Override
    public void stop() {
        if (details != null) {
            details.closeAll();
        }
        if (viewModel != null) {
            viewModel.close();
        }
        if (tasks != null) {
            tasks.shutdown();
        }
    }
}
