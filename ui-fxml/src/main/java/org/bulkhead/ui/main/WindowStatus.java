package org.bulkhead.ui.main;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.bulkhead.model.store.ConnectionStatus;

/**
 * What the main window says about itself as a whole, from its connections and its table: the
 * banner naming connections that are down, why New VM is unavailable, and the status bar's
 * count. Recomputed on the FX thread whenever a connection or the table changes.
 */
final class WindowStatus {

    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper(this, "bannerText", "");
    private final ReadOnlyBooleanWrapper bannerVisible = new ReadOnlyBooleanWrapper(this, "bannerVisible");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper newVmBlocked = new ReadOnlyStringWrapper(this, "newVmBlocked", "");

    /**
     * @param headers the connections' headers, in the window's order
     * @param total   domains in the table
     * @param shown   of those, the ones the filter lets through
     */
    void update(Collection<ConnectionViewModel> headers, int total, int shown) {
        // The banner names the connections that are down; why is said once, in each one's header.
        List<String> lines = new ArrayList<>();
        for (ConnectionViewModel header : headers) {
            if (header.status() == ConnectionStatus.LOST) {
                lines.add(header.downLine());
            }
        }
        bannerVisible.set(!lines.isEmpty());
        bannerText.set(lines.isEmpty() ? "" : String.join("\n", lines) + "\nRetrying automatically with increasing"
                + " pauses; the reason is in the connection's header below. Rows marked stale show the last known state.");

        boolean open = headers.stream().anyMatch(header -> header.status() == ConnectionStatus.OPEN);
        newVmBlocked.set(open ? "" : headers.isEmpty()
                ? "New VM needs an open connection: add one with Connection ▸ Add connection…"
                : "New VM needs an open connection: none is connected yet (each connection's header says why).");

        String domains = total == 1 ? "1 domain" : total + " domains";
        String where = headers.size() == 1 ? "" : " on " + headers.size() + " connections";
        String counted = shown == total ? domains + where : shown + " of " + domains + where + " shown";
        // A disabled button shows no tooltip: the status bar says why New VM is off.
        summary.set(newVmBlocked.get().isEmpty() ? counted : counted + " · " + newVmBlocked.get());
    }

    ReadOnlyStringProperty bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty bannerVisibleProperty() {
        return bannerVisible.getReadOnlyProperty();
    }

    ReadOnlyStringProperty newVmBlockedProperty() {
        return newVmBlocked.getReadOnlyProperty();
    }

    ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
