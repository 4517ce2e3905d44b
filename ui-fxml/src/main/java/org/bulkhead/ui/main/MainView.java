package org.bulkhead.ui.main;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.isolation.DomainEnforcement;
import org.bulkhead.model.security.Trust;
import org.bulkhead.ui.common.LabelText;
import org.bulkhead.ui.common.Theme;
import org.bulkhead.ui.common.TrustMarkerCell;
import org.bulkhead.ui.common.UsageSeries;
import org.bulkhead.ui.common.Views;

/**
 * The main window: connection headers, the banner, the domain table and the actions. It binds
 * to {@link MainViewModel} and opens the other views through the callbacks it is given.
 */
public final class MainView {

    /** Tall enough for one line of text and a sparkline. */
    static final double ROW_HEIGHT = 26;
    /** Ctrl+N belongs to the New VM wizard; nothing else may take it. */
    public static final KeyCombination NEW_VM = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    /**
     * Start, shut Down, Pause, Resume and Turn off (force off, which still asks first), each by a
     * letter of its name; Ctrl+O stays for opening the console. Reboot has none on purpose.
     */
    static final Map<LifecycleAction, KeyCombination> SHORTCUTS = Map.of(
            LifecycleAction.START, shortcut(KeyCode.S), LifecycleAction.SHUT_DOWN, shortcut(KeyCode.D),
            LifecycleAction.PAUSE, shortcut(KeyCode.P), LifecycleAction.RESUME, shortcut(KeyCode.R),
            LifecycleAction.FORCE_OFF, shortcut(KeyCode.T));
    static final KeyCombination QUIT = shortcut(KeyCode.Q);
    /** Opens the selected VM's console window. */
    public static final KeyCombination OPEN_CONSOLE = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);

    @FXML private BorderPane root;
    @FXML private MenuBar menuBar;
    @FXML private MenuItem refreshItem;
    @FXML private MenuItem addConnectionItem;
    @FXML private MenuItem newVmItem;
    @FXML private Button newVmButton;
    @FXML private MenuItem detailsItem;
    @FXML private MenuItem startItem;
    @FXML private MenuItem shutDownItem;
    @FXML private MenuItem rebootItem;
    @FXML private MenuItem pauseItem;
    @FXML private MenuItem resumeItem;
    @FXML private MenuItem forceOffItem;
    @FXML private MenuItem deleteItem;
    @FXML private MenuItem quitItem;
    @FXML private ToolBar toolbar;
    @FXML private Button startButton;
    @FXML private Button shutDownButton;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button rebootButton;
    @FXML private Button forceOffButton;
    @FXML private Button deleteButton;
    @FXML private Button detailsButton;
    @FXML private TextField filterField;
    @FXML private HBox banner;
    @FXML private Label bannerText;
    @FXML private VBox connectionHeaders;
    @FXML private TableView<DomainRow> domainTable;
    @FXML private Label placeholder;
    @FXML private TableColumn<DomainRow, Trust> trustColumn;
    @FXML private TableColumn<DomainRow, String> nameColumn;
    @FXML private TableColumn<DomainRow, DomainState> stateColumn;
    @FXML private TableColumn<DomainRow, String> modelColumn;
    @FXML private TableColumn<DomainRow, LabelText> labelColumn;
    @FXML private TableColumn<DomainRow, DomainEnforcement> enforcingColumn;
    @FXML private TableColumn<DomainRow, DenialCount> denialsColumn;
    @FXML private TableColumn<DomainRow, UsageSeries> cpuColumn;
    @FXML private TableColumn<DomainRow, UsageSeries> memoryColumn;
    @FXML private TableColumn<DomainRow, String> connectionColumn;
    @FXML private Label summary;

    private final MainViewModel viewModel;
    private final Consumer<DomainRow> openDetails;
    private final Runnable addConnection;
    private final Runnable quit;
    private Consumer<DomainRow> openConsole;

    /**
     * @param openDetails   opens (or brings forward) the details window of a domain
     * @param addConnection shows the "Add connection" dialog
     * @param quit          closes the application
     */
    public MainView(MainViewModel viewModel, Consumer<DomainRow> openDetails, Runnable addConnection, Runnable quit) {
        this.viewModel = viewModel;
        this.openDetails = openDetails;
        this.addConnection = addConnection;
        this.quit = quit;
        Views.load(this, "MainWindow.fxml");
    }

    public Parent root() {
        return root;
    }

    /** Enables "New VM" (menu item, toolbar button and Ctrl+N) and has it run {@code onNewVm}. */
    public void setOnNewVm(Runnable onNewVm) {
        newVmItem.setOnAction(event -> onNewVm.run());
        newVmButton.setOnAction(event -> onNewVm.run());
        newVmItem.setDisable(false);
        newVmButton.setDisable(false);
        newVmButton.setTooltip(new Tooltip("Create a VM, isolated by default (Ctrl+N)"));
    }

    /**
     * Enables "Open console" (menu items, Ctrl+O, and a double-click on a running row, which
     * otherwise opens the details) and has it run {@code onOpenConsole} with the selected row.
     */
    public void setOnOpenConsole(Consumer<DomainRow> onOpenConsole) {
        openConsole = onOpenConsole;
        MenuItem item = new MenuItem("Open console");
        item.setAccelerator(OPEN_CONSOLE);
        item.disableProperty().bind(viewModel.actions().hasSelectionProperty().not());
        item.setOnAction(event -> openConsole());
        var menu = detailsItem.getParentMenu().getItems();
        menu.add(menu.indexOf(detailsItem) + 1, item);
        MenuItem context = new MenuItem("Open console");
        context.setOnAction(event -> openConsole());
        domainTable.getContextMenu().getItems().add(1, context);
    }

    private void openConsole() {
        if (openConsole != null) {
            Optional.ofNullable(domainTable.getSelectionModel().getSelectedItem()).ifPresent(openConsole);
        }
    }

    /** Puts the window on the stage, with the theme and the keyboard shortcuts. */
    public Scene show(Stage stage) {
        Scene scene = new Scene(root, 1280, 760);
        scene.getStylesheets().addAll(Theme.stylesheet(), stylesheet("main.css"));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            filterField.requestFocus();
            filterField.selectAll();
        });
        stage.setTitle("Bulkhead");
        stage.setScene(scene);
        OnScreenRows.watch(scene, domainTable, viewModel::showRows);
        // Hidden or minimised, the window samples nothing.
        javafx.beans.InvalidationListener showing = obs -> viewModel.setWindowShowing(stage.isShowing() && !stage.isIconified());
        stage.showingProperty().addListener(showing);
        stage.iconifiedProperty().addListener(showing);
        stage.show();
        domainTable.requestFocus();
        return scene;
    }

    @FXML
    private void initialize() {
        configureColumns();
        domainTable.setItems(viewModel.table().visibleRows());
        // One row height for all rows: the table never measures thousands of cells, and a label or
        // sparkline cannot stretch its row.
        domainTable.setFixedCellSize(ROW_HEIGHT);
        domainTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        domainTable.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        domainTable.setRowFactory(table -> {
            DomainCells.Row row = new DomainCells.Row();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    if (openConsole != null && row.getItem().state().isActive()) {
                        openConsole.accept(row.getItem());
                    } else {
                        openDetails.accept(row.getItem());
                    }
                }
            });
            return row;
        });
        // The user's column order when sorted, the default order otherwise.
        viewModel.table().orderProperty().bind(Bindings.createObjectBinding(
                () -> domainTable.getComparator() == null ? DomainOrder.DEFAULT : domainTable.getComparator(),
                domainTable.comparatorProperty()));
        viewModel.actions().selectedProperty().bind(domainTable.getSelectionModel().selectedItemProperty());
        TableKeys.selectFirstRowWhenItArrives(domainTable);
        domainTable.addEventFilter(KeyEvent.KEY_PRESSED, this::tableKey);
        domainTable.setContextMenu(contextMenu());
        TableKeys.openRowMenuFromKeys(domainTable);
        // Toolbar buttons never take the focus: it stays on the table, and cannot drift to "Delete…"
        // when the button just pressed is disabled by the action it started.
        toolbar.getItems().stream().filter(ButtonBase.class::isInstance).forEach(b -> b.setFocusTraversable(false));

        filterField.textProperty().bindBidirectional(viewModel.filterTextProperty());
        filterField.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                filterField.clear();
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.DOWN) {
                focusTable();
                event.consume();
            }
        });
        placeholder.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.filterTextProperty().get().isBlank() ? "No domains on the open connections."
                        : "No domain matches “" + viewModel.filterTextProperty().get().strip() + "”.",
                viewModel.filterTextProperty()));

        banner.visibleProperty().bind(viewModel.bannerVisibleProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        bannerText.textProperty().bind(viewModel.bannerTextProperty());
        summary.textProperty().bind(viewModel.summaryProperty());

        viewModel.connections().forEach(this::addHeader);
        viewModel.connections().addListener((ListChangeListener<ConnectionViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::removeHeader);
                change.getAddedSubList().forEach(this::addHeader);
            }
        });
        bindActions();
    }

    private void configureColumns() {
        trustColumn.setCellValueFactory(cell -> cell.getValue().trustProperty());
        trustColumn.setCellFactory(column -> new TrustMarkerCell<>());
        trustColumn.setComparator(DomainOrder.TRUST);
        nameColumn.setCellValueFactory(cell -> cell.getValue().nameProperty());
        nameColumn.setComparator(DomainOrder.NAME);
        stateColumn.setCellValueFactory(cell -> cell.getValue().stateProperty());
        stateColumn.setCellFactory(column -> new DomainCells.State());
        stateColumn.setComparator(DomainOrder.STATE);
        modelColumn.setCellValueFactory(cell -> cell.getValue().modelProperty());
        labelColumn.setCellValueFactory(cell -> cell.getValue().labelProperty());
        labelColumn.setCellFactory(column -> new DomainCells.SecurityLabel());
        labelColumn.setComparator(DomainOrder.LABEL);
        enforcingColumn.setCellValueFactory(cell -> cell.getValue().domainEnforcementProperty());
        enforcingColumn.setCellFactory(column -> new DomainCells.Enforcement());
        denialsColumn.setCellValueFactory(cell -> cell.getValue().denialCountProperty());
        denialsColumn.setCellFactory(column -> new DomainCells.Denials());
        denialsColumn.setComparator(java.util.Comparator.comparingLong(DenialCount::total));
        cpuColumn.setCellValueFactory(cell -> cell.getValue().cpuProperty());
        cpuColumn.setCellFactory(column -> new DomainCells.Usage());
        cpuColumn.setComparator(DomainOrder.USAGE);
        memoryColumn.setCellValueFactory(cell -> cell.getValue().memoryProperty());
        memoryColumn.setCellFactory(column -> new DomainCells.Usage());
        memoryColumn.setComparator(DomainOrder.USAGE);
        connectionColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().connectionUri())
                .getReadOnlyProperty());
    }

    private void bindActions() {
        DomainActions actions = viewModel.actions();
        Map<LifecycleAction, Button> buttons = Map.of(LifecycleAction.START, startButton,
                LifecycleAction.SHUT_DOWN, shutDownButton, LifecycleAction.PAUSE, pauseButton,
                LifecycleAction.RESUME, resumeButton, LifecycleAction.REBOOT, rebootButton,
                LifecycleAction.FORCE_OFF, forceOffButton);
        Map<LifecycleAction, MenuItem> items = Map.of(LifecycleAction.START, startItem,
                LifecycleAction.SHUT_DOWN, shutDownItem, LifecycleAction.PAUSE, pauseItem,
                LifecycleAction.RESUME, resumeItem, LifecycleAction.REBOOT, rebootItem,
                LifecycleAction.FORCE_OFF, forceOffItem);
        buttons.forEach((action, button) -> button.disableProperty().bind(actions.enabledProperty(action).not()));
        items.forEach((action, item) -> item.disableProperty().bind(actions.enabledProperty(action).not()));
        SHORTCUTS.forEach((action, keys) -> {
            items.get(action).setAccelerator(keys);
            buttons.get(action).setTooltip(new Tooltip(buttons.get(action).getText() + " (" + keys.getDisplayText() + ")"));
        });
        quitItem.setAccelerator(QUIT);
        deleteButton.disableProperty().bind(actions.canDeleteProperty().not());
        deleteItem.disableProperty().bind(actions.canDeleteProperty().not());
        detailsButton.disableProperty().bind(actions.hasSelectionProperty().not());
        detailsItem.disableProperty().bind(actions.hasSelectionProperty().not());
        refreshItem.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        newVmItem.setAccelerator(NEW_VM);
    }

    private ContextMenu contextMenu() {
        DomainActions actions = viewModel.actions();
        ContextMenu menu = new ContextMenu();
        MenuItem details = new MenuItem("Details");
        details.setOnAction(event -> openDetails());
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

    private void tableKey(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER) {
            openDetails();
            event.consume();
        } else if (event.getCode() == KeyCode.DELETE) {
            viewModel.actions().delete();
            event.consume();
        }
    }

    private void focusTable() {
        domainTable.requestFocus();
        if (domainTable.getSelectionModel().isEmpty() && !domainTable.getItems().isEmpty()) {
            domainTable.getSelectionModel().selectFirst();
            domainTable.getFocusModel().focus(0);
        }
    }

    private void addHeader(ConnectionViewModel header) {
        ConnectionHeaderView view = new ConnectionHeaderView(header, viewModel::forgetConnection);
        view.root().setUserData(header);
        connectionHeaders.getChildren().add(view.root());
    }

    private void removeHeader(ConnectionViewModel header) {
        connectionHeaders.getChildren().removeIf(node -> node.getUserData() == header);
    }

    @FXML
    private void openDetails() {
        Optional.ofNullable(domainTable.getSelectionModel().getSelectedItem()).ifPresent(openDetails);
    }

    @FXML
    private void addConnection() {
        addConnection.run();
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void quit() {
        quit.run();
    }

    @FXML
    private void start() {
        viewModel.actions().perform(LifecycleAction.START);
    }

    @FXML
    private void shutDown() {
        viewModel.actions().perform(LifecycleAction.SHUT_DOWN);
    }

    @FXML
    private void reboot() {
        viewModel.actions().perform(LifecycleAction.REBOOT);
    }

    @FXML
    private void pause() {
        viewModel.actions().perform(LifecycleAction.PAUSE);
    }

    @FXML
    private void resume() {
        viewModel.actions().perform(LifecycleAction.RESUME);
    }

    @FXML
    private void forceOff() {
        viewModel.actions().perform(LifecycleAction.FORCE_OFF);
    }

    @FXML
    private void delete() {
        viewModel.actions().delete();
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }

    private static String stylesheet(String name) {
        return MainView.class.getResource(name).toExternalForm();
    }
}
