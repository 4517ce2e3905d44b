package org.bulkhead.ui.details;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.bulkhead.model.security.ResourceCheck;
import org.bulkhead.model.security.SeclabelView;
import org.bulkhead.model.security.Trust;
import org.bulkhead.ui.common.SecurityLabelCell;
import org.bulkhead.ui.console.ConsoleView;
import org.bulkhead.ui.console.ConsoleViewModel;
import org.bulkhead.ui.denials.DenialsView;
import org.bulkhead.ui.denials.DenialsViewModel;
import org.bulkhead.ui.common.Theme;
import org.bulkhead.ui.common.TrustMarker;
import org.bulkhead.ui.common.Views;
import org.bulkhead.ui.main.DomainActions;
import org.bulkhead.ui.main.LifecycleAction;

/**
 * A domain's details window: Overview, Security, Disks and (when wired) Console and Denials tabs,
 * live while it is open.
 */
public final class DetailsView {

    @FXML private BorderPane root;
    @FXML private Label title;
    @FXML private Label trust;
    @FXML private Label trustReason;
    @FXML private Label notice;
    @FXML private HBox actionBar;
    @FXML private Label resourceDetail;
    @FXML private TextArea xmlArea;
    @FXML private Button copyXmlButton;
    @FXML private TabPane tabs;
    @FXML private GridPane facts;
    @FXML private TableView<SeclabelView> seclabelTable;
    @FXML private TableColumn<SeclabelView, String> seclabelModel;
    @FXML private TableColumn<SeclabelView, String> seclabelType;
    @FXML private TableColumn<SeclabelView, String> seclabelRelabel;
    @FXML private TableColumn<SeclabelView, String> seclabelLabel;
    @FXML private TableColumn<SeclabelView, String> seclabelImage;
    @FXML private Label process;
    @FXML private Label resourceSummary;
    @FXML private TableView<DetailsViewModel.ResourceRow> resourceTable;
    @FXML private TableColumn<DetailsViewModel.ResourceRow, String> resourceName;
    @FXML private TableColumn<DetailsViewModel.ResourceRow, String> resourcePath;
    @FXML private TableColumn<DetailsViewModel.ResourceRow, String> resourcePlanned;
    @FXML private TableColumn<DetailsViewModel.ResourceRow, String> resourceActual;
    @FXML private TableColumn<DetailsViewModel.ResourceRow, ResourceCheck.Verdict> resourceVerdict;
    @FXML private TableColumn<DetailsViewModel.ResourceRow, String> resourceWhy;
    @FXML private TableView<DetailsViewModel.DiskRow> diskTable;
    @FXML private TableColumn<DetailsViewModel.DiskRow, String> diskTarget;
    @FXML private TableColumn<DetailsViewModel.DiskRow, String> diskDevice;
    @FXML private TableColumn<DetailsViewModel.DiskRow, String> diskSource;
    @FXML private TableColumn<DetailsViewModel.DiskRow, String> diskFormat;
    @FXML private TableColumn<DetailsViewModel.DiskRow, String> diskAccess;
    @FXML private TableColumn<DetailsViewModel.DiskRow, String> diskBacking;

    private final DetailsViewModel viewModel;
    private Stage stage;
    private ConsoleView consoleView;
    private final Map<KeyCombination, Runnable> shortcuts = new HashMap<>();

    public DetailsView(DetailsViewModel viewModel) {
        this.viewModel = viewModel;
        Views.load(this, "Details.fxml");
    }

    /** Shows the window beside its owner; closing it (or Escape) stops following the domain. */
    public Stage show(Window owner) {
        stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        Scene scene = new Scene(root, 1100, 620);
        scene.getStylesheets().addAll(Theme.stylesheet(),
                DetailsView.class.getResource("details.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
        shortcuts.forEach((keys, action) -> scene.getAccelerators().put(keys, action));
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty().map(text -> "Details: " + text));
        stage.setOnHidden(event -> {
            viewModel.dispose();
            if (consoleView != null) {
                consoleView.viewModel().dispose();
            }
        });
        stage.show();
        tabs.requestFocus();
        return stage;
    }

    /**
     * Adds the lifecycle buttons, with the main window's shortcuts (Ctrl+S, D, P, R, T); like the
     * toolbar's they never take the focus, so it never lands on Force off after an action.
     */
    public void addActions(DomainActions actions) {
        Map<LifecycleAction, KeyCombination> keys = Map.of(LifecycleAction.START, shortcut(KeyCode.S),
                LifecycleAction.SHUT_DOWN, shortcut(KeyCode.D), LifecycleAction.PAUSE, shortcut(KeyCode.P),
                LifecycleAction.RESUME, shortcut(KeyCode.R), LifecycleAction.FORCE_OFF, shortcut(KeyCode.T));
        for (LifecycleAction action : List.of(LifecycleAction.START, LifecycleAction.SHUT_DOWN, LifecycleAction.REBOOT,
                LifecycleAction.PAUSE, LifecycleAction.RESUME, LifecycleAction.FORCE_OFF)) {
            Button button = new Button(action == LifecycleAction.FORCE_OFF ? action.label() + "…" : action.label());
            button.setId("details-" + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            button.setFocusTraversable(false);
            button.disableProperty().bind(actions.enabledProperty(action).not());
            button.setOnAction(event -> actions.perform(action));
            KeyCombination key = keys.get(action);
            if (key != null) {
                button.setTooltip(new Tooltip(action.label() + " (" + key.getDisplayText() + ")"));
                shortcuts.put(key, () -> actions.perform(action));
            }
            actionBar.getChildren().add(button);
        }
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    /**
     * Adds a Console tab; its console connects when the tab is first shown and disconnects when
     * the window closes. Keys go to the guest only after a click on its screen (the grab).
     */
    public void addConsoleTab(Supplier<ConsoleViewModel> console) {
        Tab tab = new Tab("Console");
        tab.setId("consoleTab");
        tabs.getTabs().add(tab);
        tab.selectedProperty().addListener((obs, old, selected) -> {
            if (selected && consoleView == null) {
                consoleView = new ConsoleView(console.get());
                root.getStylesheets().add(ConsoleView.stylesheets()[1]);
                tab.setContent(consoleView.root());
            }
        });
    }

    /**
     * Adds a Denials tab, made when first selected; it follows the connection's reading of the
     * host's audit log, so new denials appear while it is open.
     */
    public void addDenialsTab(Supplier<DenialsViewModel> denials) {
        Tab tab = new Tab("Denials");
        tab.setId("denialsTab");
        tabs.getTabs().add(tab);
        tab.selectedProperty().addListener((obs, old, selected) -> {
            if (!selected) {
                return;
            }
            if (tab.getContent() == null) {
                tab.setContent(new DenialsView(denials.get()).root());
            }
        });
    }

    public Optional<Stage> stage() {
        return Optional.ofNullable(stage);
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(viewModel.titleProperty());
        notice.textProperty().bind(viewModel.noticeProperty());
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        viewModel.trustProperty().addListener((obs, old, now) -> showTrust(now));
        showTrust(viewModel.trustProperty().get());
        viewModel.facts().addListener((ListChangeListener<DetailsViewModel.Fact>) change -> showFacts());
        showFacts();

        seclabelTable.setItems(viewModel.seclabels());
        seclabelModel.setCellValueFactory(cell -> text(cell.getValue().model()));
        seclabelType.setCellValueFactory(cell -> text(cell.getValue().type()));
        seclabelRelabel.setCellValueFactory(cell -> text(cell.getValue().relabel() ? "yes" : "no"));
        seclabelLabel.setCellValueFactory(cell -> text(cell.getValue().label().orElse("")));
        seclabelLabel.setCellFactory(column -> new SecurityLabelCell<>());
        seclabelImage.setCellValueFactory(cell -> text(cell.getValue().imageLabel().orElse("")));
        seclabelImage.setCellFactory(column -> new SecurityLabelCell<>());
        seclabelTable.setPlaceholder(new Label("No seclabel in the domain's XML."));

        process.textProperty().bind(viewModel.processProperty());
        resourceSummary.textProperty().bind(viewModel.resourceSummaryProperty());
        resourceTable.setItems(viewModel.resources());
        column(resourceName, DetailsViewModel.ResourceRow::resource);
        column(resourcePath, DetailsViewModel.ResourceRow::path);
        column(resourcePlanned, DetailsViewModel.ResourceRow::planned);
        resourcePlanned.setCellFactory(column -> new SecurityLabelCell<>());
        column(resourceActual, DetailsViewModel.ResourceRow::actual);
        resourceActual.setCellFactory(column -> new SecurityLabelCell<>());
        resourceVerdict.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().verdict()).getReadOnlyProperty());
        resourceVerdict.setCellFactory(column -> new VerdictCell());
        column(resourceWhy, DetailsViewModel.ResourceRow::why);
        resourceTable.setPlaceholder(new Label("This domain has no files to label."));
        // One line per resource, so the CD-ROM and serial rows show without scrolling past tall rows;
        // the selected row's whole text is below the table, for the keyboard as for the mouse.
        resourceTable.setFixedCellSize(26);
        resourceDetail.textProperty().bind(resourceTable.getSelectionModel().selectedItemProperty().map(r ->
                r.resource() + ": " + r.path() + "\nPlanned: " + r.planned() + "\nActual: " + r.actual()
                        + "\n" + r.verdict().label() + ": " + r.why()).orElse("Select a resource (↑ ↓) to read its whole row here."));
        xmlArea.textProperty().bind(viewModel.xmlProperty());

        diskTable.setItems(viewModel.disks());
        column(diskTarget, DetailsViewModel.DiskRow::target);
        column(diskDevice, DetailsViewModel.DiskRow::device);
        column(diskSource, DetailsViewModel.DiskRow::source);
        column(diskFormat, DetailsViewModel.DiskRow::format);
        column(diskAccess, DetailsViewModel.DiskRow::access);
        column(diskBacking, DetailsViewModel.DiskRow::backingChain);
        diskTable.setPlaceholder(new Label("This domain has no disks."));
    }

    @FXML
    private void copyXml() {
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.xmlProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void showTrust(Trust value) {
        trust.getStyleClass().removeAll(TrustMarker.ISOLATED.styleClass(), TrustMarker.WEAK.styleClass(),
                TrustMarker.UNCONFINED.styleClass());
        TrustMarker marker = TrustMarker.of(value.level());
        trust.getStyleClass().add(marker.styleClass());
        trust.setText(marker.glyph() + " " + TrustMarker.text(value));
        trustReason.setText(value.reason());
    }

    private void showFacts() {
        facts.getChildren().clear();
        int line = 0;
        for (DetailsViewModel.Fact fact : viewModel.facts()) {
            Label name = new Label(fact.name());
            name.getStyleClass().add("fact-name");
            Label value = new Label(fact.value());
            value.getStyleClass().add("fact-value");
            value.setTooltip(new Tooltip(fact.value()));
            value.setWrapText(true);
            value.setMaxWidth(860);
            facts.addRow(line++, name, value);
        }
    }

    private static <S> void column(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(cell -> text(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TextCell<>());
    }

    /** Plain text, whole in a tooltip when the column is too narrow for it. */
    private static final class TextCell<S> extends TableCell<S, String> {
        private final Tooltip tooltip = new Tooltip();

        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            setText(empty ? null : value);
            tooltip.setText(value);
            setTooltip(empty || value == null || value.isEmpty() ? null : tooltip);
        }
    }

    private static ObservableValue<String> text(String value) {
        return new ReadOnlyStringWrapper(value).getReadOnlyProperty();
    }

    /** Matches, differs, or why nothing could be compared: glyph and word, mismatches in red too. */
    private static final class VerdictCell extends TableCell<DetailsViewModel.ResourceRow, ResourceCheck.Verdict> {
        @Override
        protected void updateItem(ResourceCheck.Verdict verdict, boolean empty) {
            super.updateItem(verdict, empty);
            getStyleClass().removeAll("match", "mismatch", "muted");
            if (empty || verdict == null) {
                setText(null);
                return;
            }
            String glyph = switch (verdict) {
                case MATCH -> "\u2714 ";
                case MISMATCH -> "\u2716 ";
                case NOT_VISIBLE, NOT_CHECKED -> "\u2013 ";
            };
            getStyleClass().add(switch (verdict) {
                case MATCH -> "match";
                case MISMATCH -> "mismatch";
                case NOT_VISIBLE, NOT_CHECKED -> "muted";
            });
            setText(glyph + verdict.label());
        }
    }
}
