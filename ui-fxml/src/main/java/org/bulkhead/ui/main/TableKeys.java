package org.bulkhead.ui.main;

import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** A table used from the keyboard alone: a row ready for Enter at launch, its row menu on a key. */
final class TableKeys {

    private TableKeys() {
    }

    /** Selects and focuses the first row as soon as there is one, once: rows arrive after the window shows. */
    static <T> void selectFirstRowWhenItArrives(TableView<T> table) {
        ListChangeListener<T> firstRows = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends T> change) {
                if (table.getItems().isEmpty()) {
                    return;
                }
                table.getItems().removeListener(this);
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                    table.getFocusModel().focus(0);
                }
            }
        };
        table.getItems().addListener(firstRows);
    }

    /**
     * Opens the table's context menu at the selected row on Shift+F10 and the Menu key, whether
     * the platform reports that key as a key or as a keyboard-triggered menu request.
     */
    static void openRowMenuFromKeys(TableView<?> table) {
        table.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.CONTEXT_MENU || event.getCode() == KeyCode.F10 && event.isShiftDown()) {
                showRowMenu(table);
                event.consume();
            }
        });
        table.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, event -> {
            if (event.isKeyboardTrigger()) {
                showRowMenu(table);
                event.consume();
            }
        });
    }

    /** Below the selected row, or at the table's top when no selected row is shown. */
    private static void showRowMenu(TableView<?> table) {
        ContextMenu menu = table.getContextMenu();
        int selected = table.getSelectionModel().getSelectedIndex();
        Node anchor = table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> row && row.getIndex() == selected && row.isVisible())
                .findFirst().orElse(table);
        Bounds bounds = anchor.localToScreen(anchor.getBoundsInLocal());
        if (menu != null && bounds != null && !menu.isShowing()) {
            menu.show(anchor, bounds.getMinX() + MainView.ROW_HEIGHT, anchor == table ? bounds.getMinY() : bounds.getMaxY());
        }
    }
}
