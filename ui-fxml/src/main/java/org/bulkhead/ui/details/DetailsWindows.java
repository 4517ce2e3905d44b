package org.bulkhead.ui.details;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.stage.Stage;
import javafx.stage.Window;

import org.bulkhead.model.store.DomainKey;
import org.bulkhead.ui.console.ConsoleViewModel;
import org.bulkhead.ui.denials.DenialsViewModel;
import org.bulkhead.ui.main.DomainActions;
import org.bulkhead.ui.main.DomainRow;

/** At most one details window per domain: opening it again brings the existing one forward. */
public final class DetailsWindows {

    private final Supplier<Window> owner;
    private final Function<DomainRow, ConsoleViewModel> consoles;
    private final Function<DomainRow, DenialsViewModel> denials;
    private final Map<DomainKey, Stage> open = new HashMap<>();
    private Function<DomainRow, DomainActions> actions;

    public DetailsWindows(Supplier<Window> owner) {
        this(owner, null);
    }

    /** @param consoles makes the Console tab's view model; null: no Console tab */
    public DetailsWindows(Supplier<Window> owner, Function<DomainRow, ConsoleViewModel> consoles) {
        this(owner, consoles, null);
    }

    /** @param denials makes the Denials tab's view model; null: no Denials tab */
    public DetailsWindows(Supplier<Window> owner, Function<DomainRow, ConsoleViewModel> consoles,
            Function<DomainRow, DenialsViewModel> denials) {
        this.owner = owner;
        this.consoles = consoles;
        this.denials = denials;
    }

    /** @param perDomain makes the lifecycle actions of one domain's window (its buttons and shortcuts) */
    public void setActions(Function<DomainRow, DomainActions> perDomain) {
        actions = perDomain;
    }

    public void open(DomainRow row) {
        Stage existing = open.get(row.key());
        if (existing != null) {
            existing.toFront();
            existing.requestFocus();
            return;
        }
        DetailsView view = new DetailsView(new DetailsViewModel(row));
        if (actions != null) {
            view.addActions(actions.apply(row));
        }
        if (consoles != null) {
            view.addConsoleTab(() -> consoles.apply(row));
        }
        if (denials != null) {
            view.addDenialsTab(() -> denials.apply(row));
        }
        Stage stage = view.show(owner.get());
        open.put(row.key(), stage);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, event -> open.remove(row.key()));
    }

    public void closeAll() {
        Map.copyOf(open).values().forEach(Stage::close);
    }
}
