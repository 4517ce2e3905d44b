package org.bulkhead.ui.main;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.binding.BooleanExpression;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * What the main window's menus, toolbar and row menu do: the lifecycle actions, delete, details,
 * copy, New VM (only while a connection is open, saying why not otherwise), the console and
 * disposable copies. {@link MainView} hands over its controls; this class gives them their
 * actions, shortcuts and enabled states.
 */
final class MainMenus {

    /** Copies the selected row in words, as the selection line shows it. */
    static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    /** The controls the FXML declares, by what they do. */
    record Controls(Map<LifecycleAction, Button> buttons, Map<LifecycleAction, MenuItem> items,
            Button deleteButton, MenuItem deleteItem, Button detailsButton, MenuItem detailsItem,
            Button newVmButton, MenuItem newVmItem, MenuItem quitItem, MenuItem refreshItem, ToolBar toolbar) {
    }

    private final MainViewModel viewModel;
    private final TableView<DomainRow> table;
    private final Controls controls;
    private final ActionControls actionControls;
    private final Tooltip newVmTip = new Tooltip();
    private Consumer<DomainRow> openConsole;

    MainMenus(MainViewModel viewModel, TableView<DomainRow> table, Controls controls, Runnable openDetails,
            Runnable quit) {
        this.viewModel = viewModel;
        this.table = table;
        this.controls = controls;
        this.actionControls = new ActionControls(viewModel.actions());
        actionControls.bind(controls.buttons(), controls.items());
        actionControls.bindSelection(controls.deleteButton(), controls.deleteItem(), controls.detailsButton(),
                controls.detailsItem());
        controls.deleteButton().setOnAction(event -> viewModel.actions().delete());
        controls.deleteItem().setOnAction(event -> viewModel.actions().delete());
        controls.detailsButton().setOnAction(event -> openDetails.run());
        controls.detailsItem().setOnAction(event -> openDetails.run());
        controls.quitItem().setAccelerator(ActionControls.QUIT);
        controls.quitItem().setOnAction(event -> quit.run());
        controls.refreshItem().setAccelerator(new KeyCodeCombination(KeyCode.F5));
        controls.refreshItem().setOnAction(event -> viewModel.refresh());
        controls.newVmItem().setAccelerator(MainView.NEW_VM);
        table.setContextMenu(actionControls.contextMenu(openDetails));
        MenuItem copy = new MenuItem("Copy name, label and figures");
        copy.setAccelerator(COPY);
        copy.disableProperty().bind(viewModel.actions().hasSelectionProperty().not());
        copy.setOnAction(event -> copySelection());
        table.getContextMenu().getItems().add(1, copy);
        // Toolbar buttons never take the focus: it stays on the table, and cannot drift to "Delete…"
        // when the button just pressed is disabled by the action it started.
        controls.toolbar().getItems().stream().filter(ButtonBase.class::isInstance).forEach(b -> b.setFocusTraversable(false));
        newVmTip.textProperty().bind(viewModel.newVmBlockedProperty().map(
                why -> why.isEmpty() ? "Create a VM, isolated by default (Ctrl+N)" : why));
        controls.newVmButton().setTooltip(newVmTip);
    }

    /** Enables "New VM" (menu item, toolbar button and Ctrl+N) while a connection is open. */
    void setOnNewVm(Runnable onNewVm) {
        BooleanExpression blocked = viewModel.newVmBlockedProperty().isNotEmpty();
        controls.newVmItem().setOnAction(event -> onNewVm.run());
        controls.newVmButton().setOnAction(event -> onNewVm.run());
        controls.newVmItem().disableProperty().bind(blocked);
        controls.newVmButton().disableProperty().bind(blocked);
    }

    /** Puts the selected row in words on the clipboard: the keyboard's way to take a cut text whole. */
    void copySelection() {
        Optional.ofNullable(table.getSelectionModel().getSelectedItem()).ifPresent(row -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(SelectionLine.describe(row));
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    /** Opens the selected row's console; false when no console opener is set. */
    boolean openConsole(DomainRow row) {
        if (openConsole == null) {
            return false;
        }
        openConsole.accept(row);
        return true;
    }

    void setOnOpenConsole(Consumer<DomainRow> onOpenConsole) {
        openConsole = onOpenConsole;
        MenuItem item = new MenuItem("Open console");
        item.setAccelerator(MainView.OPEN_CONSOLE);
        item.disableProperty().bind(viewModel.actions().hasSelectionProperty().not());
        item.setOnAction(event -> selected().ifPresent(onOpenConsole));
        var menu = controls.detailsItem().getParentMenu().getItems();
        menu.add(menu.indexOf(controls.detailsItem()) + 1, item);
        MenuItem context = new MenuItem("Open console");
        context.setOnAction(item.getOnAction());
        table.getContextMenu().getItems().add(1, context);
    }

    void setOnRunDisposable(Consumer<DomainRow> onRunDisposable) {
        MenuItem item = new MenuItem("Run disposable");
        item.disableProperty().bind(viewModel.actions().enabledProperty(LifecycleAction.START).not());
        item.setOnAction(event -> selected().ifPresent(onRunDisposable));
        var menu = controls.detailsItem().getParentMenu().getItems();
        menu.add(menu.indexOf(controls.items().get(LifecycleAction.START)), item);
        MenuItem context = new MenuItem("Run disposable");
        context.disableProperty().bind(item.disableProperty());
        context.setOnAction(item.getOnAction());
        ContextMenu rowMenu = table.getContextMenu();
        rowMenu.getItems().add(rowMenu.getItems().size() - 2, context);
    }

    private Optional<DomainRow> selected() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }
}
