package org.bulkhead.app.gui;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.bulkhead.app.wiring.Wiring;
import org.bulkhead.model.disposable.LiveDisposables;
import org.bulkhead.model.store.DomainStore;
import org.bulkhead.ui.common.BackgroundTaskExecutor;
import org.bulkhead.ui.common.FxDialogService;
import org.bulkhead.ui.connection.AddConnectionView;
import org.bulkhead.ui.connection.AddConnectionViewModel;
import org.bulkhead.ui.connection.KnownConnections;
import org.bulkhead.ui.console.ConsoleViewModel;
import org.bulkhead.ui.console.ConsoleWindows;
import org.bulkhead.ui.details.DetailsWindows;
import org.bulkhead.ui.denials.DenialsViewModel;
import org.bulkhead.ui.main.MainView;
import org.bulkhead.ui.main.MainViewModel;
import org.bulkhead.ui.wizard.NewVmWizardView;
import org.bulkhead.ui.wizard.NewVmWizardViewModel;

/**
 * The main window put together from the given adapters: its view model, dialogs, details
 * windows and the "Add connection" dialog. The application shows one; UI tests build their own
 * on a stage they own, with adapters they can break.
 */
public final class MainWindow implements AutoCloseable {

    private final MainViewModel viewModel;
    private final BackgroundTaskExecutor tasks;
    private final DetailsWindows details;
    private final ConsoleWindows consoles;
    private final DisposableLauncher disposables;
    private final Stage stage;

    private MainWindow(Stage stage, Wiring wiring, KnownConnections known, List<String> connections,
            Duration statsInterval, Runnable quit) {
        this.stage = stage;
        DomainStore store = Wiring.store(Platform::runLater);
        FxDialogService dialogs = new FxDialogService(() -> stage);
        tasks = new BackgroundTaskExecutor(Platform::runLater);
        viewModel = new MainViewModel(store, uri -> wiring.session(uri, store), known, tasks, dialogs,
                Platform::runLater, statsInterval);
        // Before the view loads: each session connects and lists on its own thread meanwhile.
        connections.forEach(viewModel::open);
        details = new DetailsWindows(() -> stage,
                row -> new ConsoleViewModel(row, viewModel.consoleTransport(), Platform::runLater),
                row -> new DenialsViewModel(row.name(), row.denialsProperty(), ZoneId.systemDefault()));
        details.setActions(viewModel::actionsFor);
        consoles = new ConsoleWindows(() -> stage, viewModel.consoleTransport(), Platform::runLater);
        MainView view = new MainView(viewModel, details::open, () -> addConnection(stage), quit);
        view.setOnOpenConsole(consoles::open);
        disposables = new DisposableLauncher(wiring, LiveDisposables.forUser(System.getenv()), viewModel::row, consoles,
                dialogs, text -> inform(stage, text));
        view.setOnRunDisposable(disposables::run);
        disposables.cleanLeftovers();
        view.setOnNewVm(() -> new NewVmWizardView(new NewVmWizardViewModel(wiring.creationPorts(), tasks,
                Platform::runLater, viewModel.connectionUris())).show(stage));
        StartupLog.watch(view.show(stage), viewModel);
    }

    /**
     * Shows the window on {@code stage} and starts opening {@code connections}; call on the FX thread.
     *
     * @param quit what the Quit menu item does
     */
    public static MainWindow show(Stage stage, Wiring wiring, KnownConnections known, List<String> connections,
            Duration statsInterval, Runnable quit) {
        return new MainWindow(stage, wiring, known, connections, statsInterval, quit);
    }

    /** A message that is no error: a plain dialog that does not wait. */
    private static void inform(Stage owner, String text) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION, text);
        alert.initOwner(owner);
        alert.setTitle("Bulkhead");
        alert.setHeaderText("Cleaned up after an earlier run");
        alert.show();
    }

    private void addConnection(Window owner) {
        new AddConnectionView(new AddConnectionViewModel(Set.copyOf(viewModel.connectionUris())))
                .showAndWait(owner)
                .ifPresent(viewModel::addConnection);
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public Stage stage() {
        return stage;
    }

    /** Closes the details and console windows and every connection; call on the FX thread. */
    @Override
    public void close() {
        disposables.close();
        details.closeAll();
        consoles.closeAll();
        viewModel.close();
        tasks.shutdown();
    }
}
