package org.bulkhead.ui.console;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import org.bulkhead.model.console.ConsoleTransport;
import org.bulkhead.model.store.DomainKey;
import org.bulkhead.ui.main.DomainRow;

/** At most one console window per domain: opening it again brings the existing one forward. */
public final class ConsoleWindows {

    private final Supplier<Window> owner;
    private final ConsoleTransport transport;
    private final Executor ui;
    private final Map<DomainKey, Stage> open = new HashMap<>();

    public ConsoleWindows(Supplier<Window> owner, ConsoleTransport transport, Executor ui) {
        this.owner = owner;
        this.transport = transport;
        this.ui = ui;
    }

    public void open(DomainRow row) {
        open(row, () -> { });
    }

    /** Opens the console of {@code row}; {@code onClosed} runs when a window opened here closes. */
    public void open(DomainRow row, Runnable onClosed) {
        Stage existing = open.get(row.key());
        if (existing != null) {
            existing.toFront();
            existing.requestFocus();
            return;
        }
        Stage stage = new ConsoleView(new ConsoleViewModel(row, transport, ui)).show(owner.get());
        open.put(row.key(), stage);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> {
            open.remove(row.key());
            onClosed.run();
        });
    }

    /** Closes the console of this domain, if one is open. */
    public void close(DomainKey key) {
        Stage stage = open.get(key);
        if (stage != null) {
            stage.close();
        }
    }

    public void closeAll() {
        Map.copyOf(open).values().forEach(Stage::close);
    }
}
