package org.bulkhead.ui.main;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.bulkhead.model.isolation.DomainEnforcement;
import org.bulkhead.ui.common.TrustMarker;

/**
 * The selected row in full, in one line of words below the table: what a narrow column cuts
 * (a long name, a label, a figure) can always be read, and copied, without a mouse. It follows
 * the row as it changes.
 */
final class SelectionLine {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final InvalidationListener changed = obs -> update();
    private DomainRow watched;

    SelectionLine(ReadOnlyObjectProperty<DomainRow> selected) {
        selected.addListener((obs, old, now) -> watch(now));
        watch(selected.get());
    }

    /** Empty while nothing is selected. */
    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    private void watch(DomainRow row) {
        if (watched != null) {
            observed(watched).forEach(property -> property.removeListener(changed));
        }
        watched = row;
        if (row != null) {
            observed(row).forEach(property -> property.addListener(changed));
        }
        update();
    }

    private static List<Observable> observed(DomainRow row) {
        return List.of(row.snapshotProperty(), row.staleProperty(), row.cpuProperty(), row.memoryProperty(),
                row.denialCountProperty());
    }

    private void update() {
        text.set(watched == null ? "" : describe(watched));
    }

    /** "web: running · system_u:…:s0:c1,c2 (selinux) · ▲ weak · ✔ enforced · denials 0 · CPU 3% · …". */
    static String describe(DomainRow row) {
        List<String> parts = new ArrayList<>();
        parts.add(row.state().label() + (row.isStale() ? " (stale: the connection is lost)" : ""));
        String label = row.label().full();
        parts.add(label.isEmpty() ? "no label" : "label " + label
                + (row.model().isEmpty() ? "" : " (" + row.model() + ")"));
        if (row.trust() != null) {
            parts.add(TrustMarker.of(row.trust().level()).glyph() + " " + TrustMarker.text(row.trust()));
        }
        DomainEnforcement enforcement = row.domainEnforcement();
        if (enforcement != null) {
            parts.add(enforcement.shortText());
        }
        DenialCount denials = row.denialCount();
        parts.add(denials.unread().isPresent() ? "denials not checked" : "denials " + denials.badge());
        if (!row.cpuProperty().get().text().isEmpty()) {
            parts.add("CPU " + row.cpuProperty().get().text());
        }
        if (!row.memoryProperty().get().text().isEmpty()) {
            parts.add("memory " + row.memoryProperty().get().text());
        }
        parts.add("on " + row.connectionUri());
        return row.name() + ": " + String.join(" · ", parts);
    }
}
