package org.bulkhead.ui.main;

import java.util.Map;

import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The lifecycle actions as controls: toolbar buttons, menu items and the table's context menu,
 * each enabled while {@link DomainActions} allows it, with the same keyboard shortcuts everywhere.
 */
final class ActionControls {

    /**
     * Start, shut Down, Pause, Resume and Turn off (force off, which still asks first), each by a
     * letter of its name; Ctrl+O stays for opening the console. Reboot has none on purpose.
     */
    static final Map<LifecycleAction, KeyCombination> SHORTCUTS = Map.of(
            LifecycleAction.START, shortcut(KeyCode.S), LifecycleAction.SHUT_DOWN, shortcut(KeyCode.D),
            LifecycleAction.PAUSE, shortcut(KeyCode.P), LifecycleAction.RESUME, shortcut(KeyCode.R),
            LifecycleAction.FORCE_OFF, shortcut(KeyCode.T));
    static final KeyCombination QUIT = shortcut(KeyCode.Q);

    private final DomainActions actions;

    ActionControls(DomainActions actions) {
        this.actions = actions;
    }

    /** Has each button and menu item run its action, enabled while it fits the selection, with its shortcut. */
    void bind(Map<LifecycleAction, Button> buttons, Map<LifecycleAction, MenuItem> items) {
        buttons.forEach((action, button) -> {
            button.disableProperty().bind(actions.enabledProperty(action).not());
            button.setOnAction(event -> actions.perform(action));
        });
        items.forEach((action, item) -> {
            item.disableProperty().bind(actions.enabledProperty(action).not());
            item.setOnAction(event -> actions.perform(action));
        });
        SHORTCUTS.forEach((action, keys) -> {
            items.get(action).setAccelerator(keys);
            buttons.get(action).setTooltip(new Tooltip(buttons.get(action).getText() + " (" + keys.getDisplayText() + ")"));
        });
    }

    /** Delete (button and item) while the selection may be deleted; the selection's own controls while there is one. */
    void bindSelection(Button delete, MenuItem deleteItem, Button details, MenuItem detailsItem) {
        delete.disableProperty().bind(actions.canDeleteProperty().not());
        deleteItem.disableProperty().bind(actions.canDeleteProperty().not());
        details.disableProperty().bind(actions.hasSelectionProperty().not());
        detailsItem.disableProperty().bind(actions.hasSelectionProperty().not());
    }

    /** The table's context menu: details, every lifecycle action, delete. */
    ContextMenu contextMenu(Runnable openDetails) {
        ContextMenu menu = new ContextMenu();
        MenuItem details = new MenuItem("Details");
        details.setOnAction(event -> openDetails.run());
        menu.getItems().addAll(details, new SeparatorMenuItem());
        for (LifecycleAction action : LifecycleAction.values()) {
            MenuItem item = new MenuItem(action == LifecycleAction.FORCE_OFF ? action.label() + "…" : action.label());
            item.disableProperty().bind(actions.enabledProperty(action).not());
            item.setOnAction(event -> actions.perform(action));
            item.setAccelerator(SHORTCUTS.get(action));
            menu.getItems().add(item);
        }
        MenuItem delete = new MenuItem("Delete…");
        delete.disableProperty().bind(actions.canDeleteProperty().not());
        delete.setOnAction(event -> actions.delete());
        menu.getItems().addAll(new SeparatorMenuItem(), delete);
        return menu;
    }

    static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }
}
