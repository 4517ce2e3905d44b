package org.bulkhead.ui.main;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.isolation.DomainEnforcement;
import org.bulkhead.ui.common.LabelText;
import org.bulkhead.ui.common.Sparkline;
import org.bulkhead.ui.common.TrustMarker;
import org.bulkhead.ui.common.UsageSeries;

/** The main table's cells. Each shows its value in words, never by colour alone. */
final class DomainCells {

    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private DomainCells() {
    }

    /** A row that greys out and says so while its connection is lost. */
    static final class Row extends TableRow<DomainRow> {
        private final javafx.beans.value.ChangeListener<Boolean> staleListener =
                (obs, old, now) -> pseudoClassStateChanged(STALE, now);

        @Override
        protected void updateItem(DomainRow row, boolean empty) {
            DomainRow previous = getItem();
            if (previous != null) {
                previous.staleProperty().removeListener(staleListener);
            }
            super.updateItem(row, empty);
            if (empty || row == null) {
                pseudoClassStateChanged(STALE, false);
                return;
            }
            row.staleProperty().addListener(staleListener);
            pseudoClassStateChanged(STALE, row.isStale());
        }
    }

    /** The state, with "(stale)" while the connection is lost, since grey alone says nothing. */
    static final class State extends TableCell<DomainRow, DomainState> {
        private final Tooltip staleTip = new Tooltip("The connection is lost: this is the last known state.");
        private final javafx.beans.InvalidationListener staleChanged = obs -> render();
        private DomainRow watched;

        @Override
        protected void updateItem(DomainState state, boolean empty) {
            super.updateItem(state, empty);
            DomainRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (row != watched) {
                if (watched != null) {
                    watched.staleProperty().removeListener(staleChanged);
                }
                watched = row;
                if (row != null) {
                    row.staleProperty().addListener(staleChanged);
                }
            }
            render();
        }

        private void render() {
            DomainState state = getItem();
            if (isEmpty() || state == null || watched == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            boolean stale = watched.isStale();
            setText(stale ? state.label() + " (stale)" : state.label());
            setTooltip(stale ? staleTip : null);
        }
    }

    /**
     * Plain text that, when the column is too narrow for it, has the whole text as tooltip
     * (the selection line below the table has it for the keyboard).
     */
    static final class FullText extends TableCell<DomainRow, String> {
        private final Tooltip tooltip = new Tooltip();

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            // The skin's text node holds what is drawn: the text, or the text cut with an ellipsis.
            boolean clipped = getText() != null && lookup(".text") instanceof Text shown
                    && !getText().equals(shown.getText());
            tooltip.setText(clipped ? getText() : "");
            if (clipped != (getTooltip() != null)) {
                setTooltip(clipped ? tooltip : null);
            }
        }
    }

    /** The label with its MCS range in its own style, on one line, and the full label as tooltip. */
    static final class SecurityLabel extends TableCell<DomainRow, LabelText> {
        private final LabelLine flow = new LabelLine();
        private final Tooltip tooltip = new Tooltip();

        SecurityLabel() {
            getStyleClass().add("label-cell");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(LabelText label, boolean empty) {
            super.updateItem(label, empty);
            if (empty || label == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            if (label.isEmpty()) {
                flow.show(new LabelText("(no label)", "", label.categories()));
                setTooltip(null);
            } else {
                flow.show(label);
                tooltip.setText(label.range().isEmpty() ? label.full()
                        : label.full() + "\nMCS categories: " + (label.categories().isEmpty() ? "none" : label.categories()));
                setTooltip(tooltip);
            }
            setGraphic(flow);
        }
    }

    /** Short words for the VM's enforcement, the full reason as tooltip, with a marker glyph. */
    static final class Enforcement extends TableCell<DomainRow, DomainEnforcement> {
        private final Text glyph = new Text();
        private final Tooltip tooltip = new Tooltip();

        Enforcement() {
            glyph.getStyleClass().add("trust-glyph");
            getStyleClass().add("enforcement-cell");
        }

        @Override
        protected void updateItem(DomainEnforcement value, boolean empty) {
            super.updateItem(value, empty);
            getStyleClass().removeAll(TrustMarker.ISOLATED.styleClass(), TrustMarker.WEAK.styleClass(),
                    TrustMarker.UNCONFINED.styleClass(), TrustMarker.UNCHECKED.styleClass());
            if (empty || value == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            TrustMarker marker = TrustMarker.of(value.verdict());
            getStyleClass().add(marker.styleClass());
            glyph.setText(marker.glyph());
            setGraphic(glyph);
            setText(value.shortText());
            tooltip.setText(value.reason());
            setTooltip(tooltip);
        }
    }

    /** The VM's denial count as a badge: refused and only logged in the tooltip, a dash when not checked. */
    static final class Denials extends TableCell<DomainRow, DenialCount> {
        private static final PseudoClass UNCHECKED = PseudoClass.getPseudoClass("unchecked");
        private static final PseudoClass LOGGED = PseudoClass.getPseudoClass("logged");
        private static final PseudoClass SOME = PseudoClass.getPseudoClass("some");
        private final Label badge = new Label();
        private final Tooltip tooltip = new Tooltip();

        Denials() {
            getStyleClass().add("denials-cell");
            badge.getStyleClass().add("denial-badge");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(DenialCount count, boolean empty) {
            super.updateItem(count, empty);
            if (empty || count == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            badge.setText(count.badge());
            badge.pseudoClassStateChanged(UNCHECKED, count.unread().isPresent());
            badge.setAccessibleText(count.unread().isPresent() ? "denials not checked" : count.badge());
            badge.pseudoClassStateChanged(SOME, count.total() > 0);
            badge.pseudoClassStateChanged(LOGGED, count.logged() > 0);
            tooltip.setText(count.describe());
            setTooltip(tooltip);
            setGraphic(badge);
        }
    }

    /**
     * A sparkline with the latest value beside it; empty for domains that are not running. The
     * cell holds the row and follows one of its series itself, so a new sample is drawn in place.
     */
    static final class Usage extends TableCell<DomainRow, DomainRow> {
        private final Function<DomainRow, ReadOnlyObjectProperty<UsageSeries>> measure;
        private final Sparkline sparkline = new Sparkline();
        private final ChangeListener<UsageSeries> redraw = (obs, old, now) -> show(now);
        private final Tooltip tooltip = new Tooltip();
        private ReadOnlyObjectProperty<UsageSeries> watched;

        Usage(Function<DomainRow, ReadOnlyObjectProperty<UsageSeries>> measure) {
            this.measure = measure;
            getStyleClass().add("usage-cell");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(DomainRow row, boolean empty) {
            super.updateItem(row, empty);
            if (watched != null) {
                watched.removeListener(redraw);
                watched = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            watched = measure.apply(row);
            watched.addListener(redraw);
            show(watched.get());
        }

        private void show(UsageSeries series) {
            if (series == null || (series.isEmpty() && series.text().isEmpty())) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            sparkline.setSeries(series);
            // A tooltip lives in its own window: changing its text lays nothing out in the table.
            tooltip.setText(getTableColumn().getText() + " " + series.text() + ": the line is the last minute");
            setTooltip(series.text().isEmpty() ? null : tooltip);
            setGraphic(sparkline);
        }
    }
}
