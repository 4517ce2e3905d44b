package org.bulkhead.app.gui;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

import org.bulkhead.app.wiring.Wiring;
import org.bulkhead.model.disposable.Disposable;
import org.bulkhead.model.disposable.DisposableEnd;
import org.bulkhead.model.disposable.DisposableVms;
import org.bulkhead.model.disposable.DisposableXml;
import org.bulkhead.model.disposable.Leftovers;
import org.bulkhead.model.disposable.LiveDisposables;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.store.DomainKey;
import org.bulkhead.ui.common.DialogService;
import org.bulkhead.ui.common.Problem;
import org.bulkhead.ui.console.ConsoleWindows;
import org.bulkhead.ui.main.DomainRow;

/**
 * "Run disposable" in the window: starts a disposable VM of the selected template on a
 * connection of its own (the daemon destroys the VM if that connection dies with Bulkhead),
 * opens its console at once, and ends it (destroyed, overlay deleted, checked) when the console
 * closes or the VM stops. Everything slow runs on one worker thread; the rest on the FX thread.
 */
final class DisposableLauncher implements AutoCloseable {

    private static final Logger LOG = System.getLogger(DisposableLauncher.class.getName());
    /** How long to wait for a started disposable's row before opening its console anyway fails. */
    private static final int ROW_WAIT_STEPS = 150;

    private record Running(Disposable disposable, DisposableVms vms, AutoCloseable watch) {
    }

    private final Wiring wiring;
    private final LiveDisposables live;
    private final Function<DomainKey, Optional<DomainRow>> rows;
    private final ConsoleWindows consoles;
    private final DialogService dialogs;
    private final Consumer<String> inform;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "disposable VMs");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, HypervisorConnection> connections = new HashMap<>();
    private final Map<DomainKey, Running> running = new HashMap<>();

    /**
     * @param inform shows a message that is not an error (what was cleaned up after an earlier run)
     */
    DisposableLauncher(Wiring wiring, LiveDisposables live, Function<DomainKey, Optional<DomainRow>> rows,
            ConsoleWindows consoles, DialogService dialogs, Consumer<String> inform) {
        this.wiring = wiring;
        this.live = live;
        this.rows = rows;
        this.consoles = consoles;
        this.dialogs = dialogs;
        this.inform = inform;
    }

    /** Cleans up what an earlier Bulkhead left, in the background, and says what it did. */
    void cleanLeftovers() {
        worker.execute(() -> {
            try {
                List<String> said = Leftovers.cleanOrphans(live, wiring.hypervisor()::open);
                if (!said.isEmpty()) {
                    Platform.runLater(() -> inform.accept(String.join("\n\n", said)));
                }
            } catch (RuntimeException e) {
                Platform.runLater(() -> dialogs.showError(new Problem("Disposable VMs",
                        "Could not clean up the disposable VMs an earlier Bulkhead left.", message(e),
                        "Check " + live.file() + " and virsh list --transient; delete leftover overlays with virsh vol-delete.")));
            }
        });
    }

    /** Starts a disposable VM of {@code template}; call on the FX thread. */
    void run(DomainRow template) {
        String uri = template.connectionUri();
        String uuid = template.key().uuid();
        String name = template.name();
        worker.execute(() -> {
            try {
                HypervisorConnection connection = connections.computeIfAbsent(uri, wiring.hypervisor()::open);
                DisposableVms vms = wiring.disposables(connection, live);
                List<String> notes = new ArrayList<>();
                Disposable disposable = vms.start(uuid, DisposableXml.Options.AS_TEMPLATE, notes::add);
                DomainKey key = new DomainKey(uri, disposable.uuid());
                AutoCloseable watch = vms.whenStopped(disposable, () -> later(() -> end(key)));
                synchronized (running) {
                    running.put(key, new Running(disposable, vms, watch));
                }
                notes.forEach(note -> LOG.log(Level.INFO, note));
                Platform.runLater(() -> openConsole(key, 0));
            } catch (RuntimeException e) {
                Platform.runLater(() -> dialogs.showError(new Problem("Run disposable",
                        "Could not run a disposable VM of '" + name + "'.", message(e),
                        "Nothing was left behind. Fix what the message names and try again.")));
            }
        });
    }

    /** The row appears once the store hears of the new domain: wait for it a little. */
    private void openConsole(DomainKey key, int step) {
        Optional<DomainRow> row = rows.apply(key);
        if (row.isPresent()) {
            consoles.open(row.get(), () -> later(() -> end(key)));
            return;
        }
        if (step >= ROW_WAIT_STEPS || !isRunning(key)) {
            return;
        }
        PauseTransition pause = new PauseTransition(Duration.millis(100));
        pause.setOnFinished(event -> openConsole(key, step + 1));
        pause.play();
    }

    private boolean isRunning(DomainKey key) {
        synchronized (running) {
            return running.containsKey(key);
        }
    }

    /** On the worker: destroys, deletes and checks; says so only when something is left. */
    private void end(DomainKey key) {
        Running ended;
        synchronized (running) {
            ended = running.remove(key);
        }
        if (ended == null) {
            return; // the console closed and the VM stopped: ended once
        }
        closeQuietly(ended.watch());
        DisposableEnd result = ended.vms().end(ended.disposable());
        LOG.log(Level.INFO, result.describe());
        Platform.runLater(() -> consoles.close(key));
        if (!result.clean()) {
            Platform.runLater(() -> dialogs.showError(new Problem("Disposable VM",
                    "The disposable VM '" + result.name() + "' did not end cleanly.", result.describe(),
                    "Remove what is listed with the commands given; Bulkhead tries again at its next start.")));
        }
    }

    /** Ends every disposable VM and closes the connections; waits a little, for the application's exit. */
    @Override
    public void close() {
        List<DomainKey> keys;
        synchronized (running) {
            keys = List.copyOf(running.keySet());
        }
        keys.forEach(key -> worker.execute(() -> end(key)));
        worker.execute(() -> connections.values().forEach(HypervisorConnection::close));
        worker.shutdown();
        try {
            if (!worker.awaitTermination(20, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "disposable VMs still ending at exit; the next start cleans up after them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues work for the worker; after {@link #close()} there is none to queue (all were ended). */
    private void later(Runnable work) {
        if (!worker.isShutdown()) {
            try {
                worker.execute(work);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.log(Level.DEBUG, "closing: disposable VMs already ended");
            }
        }
    }

    private static void closeQuietly(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "could not stop watching a disposable VM", e);
        }
    }

    private static String message(RuntimeException e) {
        if (e instanceof HypervisorException h) {
            return h.userMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
