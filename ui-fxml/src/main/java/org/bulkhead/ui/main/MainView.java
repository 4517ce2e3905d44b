package org.bulkhead.ui.main;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
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
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;

import org.bulkhead.ui.common.Theme;
import org.bulkhead.ui.common.Views;

/**
 * The main window's controller: the frame (filter, the banner of lost connections, connection
 * headers, the selected row in words, status bar) around the domain table. What the columns
 * show is {@link DomainColumns}; what the menus and buttons do is {@link MainMenus}. It binds to
 * {@link MainViewModel} and opens the other views through the callbacks it is given.
 */
public final class MainView {

    /** Tall enough for one line of text and a sparkline. */
    static final double ROW_HEIGHT = 26;
    /** Ctrl+N belongs to the New VM wizard; nothing else may take it. */
    public static final KeyCombination NEW_VM = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    /** Opens the selected VM's console window. */
    public static final KeyCombination OPEN_CONSOLE = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);

    @FXML private BorderPane root;
    @FXML private MenuBar menuBar;
    @FXML private MenuItem refreshItem;
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
    @FXML private NotificationPane banner;
    @FXML private VBox connectionHeaders;
    @FXML private TableView<DomainRow> domainTable;
    @FXML private Label placeholder;
    @FXML private Label selectionLine;
    @FXML private Label keyHints;
    @FXML private StatusBar statusBar;

    private final MainViewModel viewModel;
    private final Consumer<DomainRow> openDetails;
    private final Runnable addConnection;
    private final Runnable quit;
    private MainMenus menus;

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

    /**
     * Has "New VM" (menu item, toolbar button and Ctrl+N) run {@code onNewVm}; it is enabled while
     * a connection is open, and says why not otherwise.
     */
    public void setOnNewVm(Runnable onNewVm) {
        menus.setOnNewVm(onNewVm);
    }

    /**
     * Enables "Open console" (menu items, Ctrl+O, and a double-click on a running row, which
     * otherwise opens the details) and has it run {@code onOpenConsole} with the selected row.
     */
    public void setOnOpenConsole(Consumer<DomainRow> onOpenConsole) {
        menus.setOnOpenConsole(onOpenConsole);
    }

    /**
     * Adds "Run disposable" (menu and row menu), enabled on a shut-off VM, which runs
     * {@code onRunDisposable} with the selected row: a throw-away copy of it on an overlay.
     */
    public void setOnRunDisposable(Consumer<DomainRow> onRunDisposable) {
        menus.setOnRunDisposable(onRunDisposable);
    }

    /** Puts the window on the stage, with the theme and the keyboard shortcuts. */
    public Scene show(Stage stage) {
        Scene scene = new Scene(root, 1280, 760);
        scene.getStylesheets().addAll(Theme.stylesheet(), MainView.class.getResource("main.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            filterField.requestFocus();
            filterField.selectAll();
        });
        stage.setTitle("Bulkhead");
        stage.setScene(scene);
        OnScreenRows.watch(scene, domainTable, viewModel::showRows);
        // Hidden or minimised, the window samples nothing.
        InvalidationListener showing = obs -> viewModel.setWindowShowing(stage.isShowing() && !stage.isIconified());
        stage.showingProperty().addListener(showing);
        stage.iconifiedProperty().addListener(showing);
        stage.show();
        domainTable.requestFocus();
        return scene;
    }

    @FXML
    private void initialize() {
        DomainColumns.configure(domainTable);
        domainTable.setItems(viewModel.table().visibleRows());
        // One row height for all rows: the table never measures thousands of cells, and a label or
        // sparkline cannot stretch its row.
        domainTable.setFixedCellSize(ROW_HEIGHT);
        domainTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        domainTable.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        domainTable.setRowFactory(table -> {
            DomainCells.Row row = new DomainCells.Row();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()
                        && !(row.getItem().state().isActive() && menus.openConsole(row.getItem()))) {
                    openDetails.accept(row.getItem());
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
        menus = new MainMenus(viewModel, domainTable, new MainMenus.Controls(Map.of(LifecycleAction.START, startButton,
                LifecycleAction.SHUT_DOWN, shutDownButton, LifecycleAction.PAUSE, pauseButton,
                LifecycleAction.RESUME, resumeButton, LifecycleAction.REBOOT, rebootButton,
                LifecycleAction.FORCE_OFF, forceOffButton), Map.of(LifecycleAction.START, startItem,
                LifecycleAction.SHUT_DOWN, shutDownItem, LifecycleAction.PAUSE, pauseItem,
                LifecycleAction.RESUME, resumeItem, LifecycleAction.REBOOT, rebootItem,
                LifecycleAction.FORCE_OFF, forceOffItem), deleteButton, deleteItem, detailsButton, detailsItem,
                newVmButton, newVmItem, quitItem, refreshItem, toolbar), this::openDetails, quit);
        TableKeys.openRowMenuFromKeys(domainTable);

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
        placeholder.textProperty().bind(Bindings.createStringBinding(this::placeholderText,
                viewModel.filterTextProperty(), viewModel.connections()));

        banner.setGraphic(new Label("\u26a0"));
        banner.getGraphic().getStyleClass().add("banner-glyph");
        banner.textProperty().bind(viewModel.bannerTextProperty());
        showBanner(viewModel.bannerVisibleProperty().get());
        viewModel.bannerVisibleProperty().addListener((obs, was, visible) -> showBanner(visible));
        statusBar.textProperty().bind(viewModel.summaryProperty());
        keyHints.setTooltip(new Tooltip(keyHints.getText()));
        keyHints.setMinWidth(0);
        SelectionLine selection = new SelectionLine(domainTable.getSelectionModel().selectedItemProperty());
        selectionLine.textProperty().bind(selection.textProperty());
        selectionLine.visibleProperty().bind(selectionLine.textProperty().isNotEmpty());
        selectionLine.managedProperty().bind(selectionLine.visibleProperty());

        viewModel.connections().forEach(this::addHeader);
        viewModel.connections().addListener((ListChangeListener<ConnectionViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::removeHeader);
                change.getAddedSubList().forEach(this::addHeader);
            }
        });
    }

    private String placeholderText() {
        String filter = viewModel.filterTextProperty().get();
        if (!filter.isBlank()) {
            return "No domain matches “" + filter.strip() + "”.";
        }
        return viewModel.connections().isEmpty() ? "No connection is open. Add one with Connection ▸ Add connection…"
                : "No domains on the open connections.";
    }

    private void tableKey(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER) {
            openDetails();
            event.consume();
        } else if (event.getCode() == KeyCode.DELETE) {
            viewModel.actions().delete();
            event.consume();
        } else if (MainMenus.COPY.match(event)) {
            menus.copySelection();
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

    private void showBanner(boolean visible) {
        if (visible) {
            banner.show();
        } else {
            banner.hide();
        }
    }

    private void addHeader(ConnectionViewModel header) {
        ConnectionHeaderView view = new ConnectionHeaderView(header, viewModel::closeConnection,
                viewModel::rememberConnection);
        view.root().setUserData(header);
        connectionHeaders.getChildren().add(view.root());
    }

    private void removeHeader(ConnectionViewModel header) {
        connectionHeaders.getChildren().removeIf(node -> node.getUserData() == header);
    }

    private void openDetails() {
        Optional.ofNullable(domainTable.getSelectionModel().getSelectedItem()).ifPresent(openDetails);
    }

    @FXML
    private void addConnection() {
        addConnection.run();
    }
}
