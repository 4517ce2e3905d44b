package org.bulkhead.ui.details;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import javafx.stage.Stage;
import javafx.stage.Window;

import org.bulkhead.model.store.DomainKey;
import org.bulkhead.ui.main.DomainRow;

/** At most one details window per domain: opening it again brings the existing one forward. */
public final class DetailsWindows {

    private final Supplier<Window> owner;
    private final Map<DomainKey, Stage> open = new HashMap<>();

    public DetailsWindows(Supplier<Window> owner) {
        this.owner = owner;
    }

    public void open(DomainRow row) {
        Stage existing = open.get(row.key());
        if (existing != null) {
            existing.toFront();
            existing.requestFocus();
            return;
        }
        Stage stage = new DetailsView(new DetailsViewModel(row)).show(owner.get());
        open.put(row.key(), stage);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, event -> open.remove(row.key()));
    }

    public void closeAll() {
        Map.copyOf(open).values().forEach(Stage::close);
    }
}
