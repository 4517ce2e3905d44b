package org.bulkhead.ui.wizard;

import java.io.File;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.bulkhead.model.osinfo.GuestOs;
import org.bulkhead.ui.common.Confirmation;
import org.bulkhead.ui.common.DialogKeys;
import org.bulkhead.ui.common.FxDialogService;
import org.bulkhead.ui.common.Theme;
import org.bulkhead.ui.common.Views;

/** The New VM wizard's window: one page per step, bound to {@link NewVmWizardViewModel}. */
public final class NewVmWizardView {

    @FXML private BorderPane root;
    @FXML private Label stepLabel;
    @FXML private Label titleLabel;
    @FXML private StackPane pages;
    @FXML private VBox namePage;
    @FXML private ComboBox<String> connectionBox;
    @FXML private Label connectionStatus;
    @FXML private TextField nameField;
    @FXML private CheckBox isolatedBox;
    @FXML private Label isolationExplanation;
    @FXML private Label isolationUnavailable;
    @FXML private TitledPane advancedPane;
    @FXML private CheckBox pinBox;
    @FXML private Label pinNote;
    @FXML private VBox sourcePage;
    @FXML private ToggleGroup sourceGroup;
    @FXML private RadioButton isoRadio;
    @FXML private RadioButton importRadio;
    @FXML private RadioButton networkRadio;
    @FXML private TextField isoField;
    @FXML private TextField imageField;
    @FXML private ChoiceBox<String> formatBox;
    @FXML private VBox resourcesPage;
    @FXML private TextField memoryField;
    @FXML private TextField vcpuField;
    @FXML private CheckBox emulatedBox;
    @FXML private Label emulationNote;
    @FXML private Label osChosen;
    @FXML private Label osDetection;
    @FXML private Label osRecommendation;
    @FXML private TextField osSearch;
    @FXML private ListView<GuestOs> osList;
    @FXML private Label poolNote;
    @FXML private VBox storagePage;
    @FXML private CheckBox newVolumeBox;
    @FXML private ComboBox<String> poolBox;
    @FXML private TextField sizeField;
    @FXML private Label storageNote;
    @FXML private VBox networkPage;
    @FXML private ToggleGroup networkGroup;
    @FXML private RadioButton natRadio;
    @FXML private RadioButton noNetworkRadio;
    @FXML private VBox resultPage;
    @FXML private ListView<String> progressList;
    @FXML private TextArea outcomeArea;
    @FXML private Label errorLabel;
    @FXML private Label nameError;
    @FXML private Label isoError;
    @FXML private Label imageError;
    @FXML private Label memoryError;
    @FXML private Label vcpuError;
    @FXML private Label poolError;
    @FXML private Label sizeError;
    @FXML private Label finishReason;
    @FXML private Button backButton;
    @FXML private Button nextButton;
    @FXML private Button finishButton;
    @FXML private Button cancelButton;

    private final NewVmWizardViewModel viewModel;
    private SummaryPageView summary;
    private Stage stage;

    public NewVmWizardView(NewVmWizardViewModel viewModel) {
        this.viewModel = viewModel;
        Views.load(this, "NewVmWizard.fxml");
    }

    public Parent root() {
        return root;
    }

    /** Shows the wizard in its own window above {@code owner}; closing it cancels and releases the label. */
    public Stage show(Window owner) {
        Stage window = new Stage();
        if (owner != null) {
            window.initOwner(owner);
            window.initModality(Modality.WINDOW_MODAL);
        }
        showIn(window);
        return window;
    }

    /** Puts the wizard on {@code window} (tests pass their own stage). */
    public void showIn(Stage window) {
        stage = window;
        Scene scene = new Scene(root);
        scene.getStylesheets().addAll(Theme.stylesheet(),
                NewVmWizardView.class.getResource("new-vm-wizard.css").toExternalForm());
        window.setTitle("New VM");
        window.setScene(scene);
        window.setOnCloseRequest(event -> {
            if (!mayDiscard()) {
                event.consume();
            }
        });
        window.setOnHidden(event -> viewModel.close());
        window.show();
        focusFirstControl(viewModel.pageProperty().get());
    }

    /**
     * The control each page starts at, whichever way the user got there, so focus never stays on
     * Back or Next, nor lands on Cancel when Next goes away on the summary.
     */
    private void focusFirstControl(WizardPage page) {
        Node first = switch (page) {
            case NAME -> nameField;
            case SOURCE -> (Node) sourceGroup.getSelectedToggle();
            case RESOURCES -> memoryField;
            case STORAGE -> newVolumeBox;
            case NETWORK -> (Node) networkGroup.getSelectedToggle();
            case SUMMARY -> summary.firstControl();
            case RESULT -> progressList;
        };
        if (first != null) {
            first.requestFocus();
        }
    }

    @FXML
    private void initialize() {
        summary = new SummaryPageView(viewModel);
        pages.getChildren().add(pages.getChildren().indexOf(resultPage), summary.root());
        Map<WizardPage, Node> pages = Map.of(WizardPage.NAME, namePage, WizardPage.SOURCE, sourcePage,
                WizardPage.RESOURCES, resourcesPage, WizardPage.STORAGE, storagePage, WizardPage.NETWORK, networkPage,
                WizardPage.SUMMARY, summary.root(), WizardPage.RESULT, resultPage);
        pages.forEach((page, node) -> node.visibleProperty().bind(viewModel.pageProperty().isEqualTo(page)));
        titleLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.pageProperty().get().title(),
                viewModel.pageProperty()));
        stepLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            WizardPage page = viewModel.pageProperty().get();
            return page == WizardPage.RESULT ? "" : "Step " + (page.ordinal() + 1) + " of " + WizardPage.RESULT.ordinal();
        }, viewModel.pageProperty()));

        DialogKeys.install(root);
        viewModel.pageProperty().addListener((obs, old, page) -> focusFirstControl(page));
        bindNamePage();
        bindSourcePage();
        memoryField.textProperty().bindBidirectional(viewModel.memoryMiBProperty());
        vcpuField.textProperty().bindBidirectional(viewModel.vcpusProperty());
        emulatedBox.selectedProperty().bindBidirectional(viewModel.emulatedProperty());
        bindOperatingSystem();
        newVolumeBox.selectedProperty().bindBidirectional(viewModel.newVolumeProperty());
        poolBox.setItems(viewModel.pools());
        poolBox.valueProperty().bindBidirectional(viewModel.poolProperty());
        sizeField.textProperty().bindBidirectional(viewModel.diskGiBProperty());
        poolBox.disableProperty().bind(newVolumeBox.selectedProperty().not());
        sizeField.disableProperty().bind(newVolumeBox.selectedProperty().not());
        storageNote.textProperty().bind(Bindings.createStringBinding(() -> viewModel.sourceKindProperty().get()
                == SourceKind.IMPORT ? "The imported image is the VM's disk; a new disk would be a second one." : "",
                viewModel.sourceKindProperty()));
        natRadio.setSelected(viewModel.natNetworkProperty().get());
        noNetworkRadio.setSelected(!viewModel.natNetworkProperty().get());
        viewModel.natNetworkProperty().bind(natRadio.selectedProperty());
        progressList.setItems(viewModel.progress());
        outcomeArea.textProperty().bind(viewModel.outcomeTextProperty());

        // A message about one answer stands beside it; only one about the whole page goes at the foot.
        FieldMessages.show(viewModel, errorLabel, null);
        FieldMessages.show(viewModel, nameError, WizardField.NAME, nameField);
        FieldMessages.show(viewModel, isoError, WizardField.ISO, isoField);
        FieldMessages.show(viewModel, imageError, WizardField.IMAGE, imageField);
        FieldMessages.show(viewModel, memoryError, WizardField.MEMORY, memoryField);
        FieldMessages.show(viewModel, vcpuError, WizardField.VCPUS, vcpuField);
        FieldMessages.show(viewModel, poolError, WizardField.POOL, poolBox);
        FieldMessages.show(viewModel, sizeError, WizardField.DISK_SIZE, sizeField);
        backButton.disableProperty().bind(viewModel.busyProperty().or(viewModel.pageProperty().isEqualTo(WizardPage.NAME))
                .or(viewModel.pageProperty().isEqualTo(WizardPage.RESULT)));
        nextButton.disableProperty().bind(viewModel.busyProperty());
        nextButton.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.pageProperty().get().compareTo(WizardPage.SUMMARY) < 0, viewModel.pageProperty()));
        nextButton.managedProperty().bind(nextButton.visibleProperty());
        // Exactly one default button per page: Enter is Next, then Finish, then Close.
        nextButton.defaultButtonProperty().bind(nextButton.visibleProperty());
        finishButton.visibleProperty().bind(viewModel.pageProperty().isEqualTo(WizardPage.SUMMARY));
        finishButton.managedProperty().bind(finishButton.visibleProperty());
        finishButton.disableProperty().bind(viewModel.canFinishProperty().not());
        finishButton.defaultButtonProperty().bind(finishButton.visibleProperty());
        finishReason.textProperty().bind(viewModel.finishBlockerProperty());
        FieldMessages.hideWhenEmpty(finishReason);
        cancelButton.textProperty().bind(Bindings.when(viewModel.pageProperty().isEqualTo(WizardPage.RESULT))
                .then("Close").otherwise("Cancel"));
        cancelButton.disableProperty().bind(viewModel.pageProperty().isEqualTo(WizardPage.RESULT)
                .and(viewModel.busyProperty()));
        cancelButton.defaultButtonProperty().bind(viewModel.pageProperty().isEqualTo(WizardPage.RESULT));
    }

    private void bindNamePage() {
        connectionBox.setItems(viewModel.connections());
        connectionBox.valueProperty().bindBidirectional(viewModel.connectionUriProperty());
        connectionStatus.textProperty().bind(viewModel.connectionStatusProperty());
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        isolatedBox.selectedProperty().bindBidirectional(viewModel.isolatedProperty());
        isolationExplanation.textProperty().bind(viewModel.isolationExplanationProperty());
        emulationNote.textProperty().bind(viewModel.emulationNoteProperty());
        poolNote.textProperty().bind(viewModel.poolNoteProperty());
        isolationUnavailable.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.isolationUnavailableProperty().get().isEmpty() ? ""
                        : "⚠ Cannot isolate on this host: " + viewModel.isolationUnavailableProperty().get(),
                viewModel.isolationUnavailableProperty()));
        FieldMessages.hideWhenEmpty(isolationUnavailable);
        pinBox.selectedProperty().bindBidirectional(viewModel.pinLabelProperty());
        pinBox.disableProperty().bind(viewModel.pinAvailableProperty().not().or(isolatedBox.selectedProperty().not()));
        pinNote.textProperty().bind(Bindings.when(viewModel.pinAvailableProperty())
                .then("Without pinning, libvirt picks a fresh pair at every start.")
                .otherwise("Only SELinux hosts have a dynamic label to pin; on this host the label is already fixed."));
    }

    private void bindOperatingSystem() {
        osChosen.textProperty().bind(Bindings.createStringBinding(
                () -> "Operating system: " + viewModel.osProperty().get().name(), viewModel.osProperty()));
        osDetection.textProperty().bind(viewModel.osDetectionProperty());
        FieldMessages.hideWhenEmpty(osDetection);
        osRecommendation.textProperty().bind(viewModel.osRecommendationProperty());
        FieldMessages.hideWhenEmpty(osRecommendation);
        osSearch.textProperty().bindBidirectional(viewModel.osQueryProperty());
        osList.setItems(viewModel.osChoices());
        osList.getSelectionModel().select(viewModel.osProperty().get());
        // Only the user's own pick in the list changes the choice, never a selection the filter moved.
        osList.getSelectionModel().selectedItemProperty().addListener((obs, old, picked) -> {
            if (picked != null && osList.isFocused()) {
                viewModel.osProperty().set(picked);
            }
        });
        viewModel.osProperty().addListener((obs, old, now) -> {
            if (osList.getSelectionModel().getSelectedItem() != now) {
                osList.getSelectionModel().select(now);
            }
        });
        viewModel.osChoices().addListener((ListChangeListener<GuestOs>) change -> {
            if (viewModel.osChoices().contains(viewModel.osProperty().get())) {
                osList.getSelectionModel().select(viewModel.osProperty().get());
            }
        });
    }

    private void bindSourcePage() {
        Map<SourceKind, RadioButton> radios = Map.of(SourceKind.ISO, isoRadio, SourceKind.IMPORT, importRadio,
                SourceKind.NETWORK, networkRadio);
        radios.get(viewModel.sourceKindProperty().get()).setSelected(true);
        sourceGroup.selectedToggleProperty().addListener((obs, old, toggle) -> radios.forEach((kind, radio) -> {
            if (radio == toggle) {
                viewModel.sourceKindProperty().set(kind);
            }
        }));
        isoField.textProperty().bindBidirectional(viewModel.isoPathProperty());
        imageField.textProperty().bindBidirectional(viewModel.imagePathProperty());
        formatBox.getItems().setAll("qcow2", "raw");
        formatBox.valueProperty().bindBidirectional(viewModel.imageFormatProperty());
        isoField.disableProperty().bind(isoRadio.selectedProperty().not());
        imageField.disableProperty().bind(importRadio.selectedProperty().not());
        formatBox.disableProperty().bind(importRadio.selectedProperty().not());
    }

    @FXML
    private void next() {
        viewModel.next();
    }

    @FXML
    private void back() {
        viewModel.back();
    }

    @FXML
    private void finish() {
        viewModel.finish();
    }

    /** Cancel, Escape and the window's close box: asks first when answers would be lost. */
    @FXML
    private void cancel() {
        if (!mayDiscard()) {
            return;
        }
        if (stage != null) {
            stage.hide();
        } else {
            viewModel.close();
        }
    }

    private boolean mayDiscard() {
        if (!viewModel.wouldLoseAnswers()) {
            return true;
        }
        String name = viewModel.nameProperty().get().strip();
        return new FxDialogService(() -> stage).confirm(new Confirmation("Discard the new VM",
                name.isEmpty() ? "Discard the new VM?" : "Discard the new VM “" + name + "”?",
                "Your answers are lost and nothing is created.", "Discard"));
    }

    @FXML
    private void browseIso() {
        choose("Installer ISO", "*.iso").ifPresent(viewModel.isoPathProperty()::set);
    }

    @FXML
    private void browseImage() {
        choose("Disk image", "*.qcow2", "*.img", "*.raw").ifPresent(viewModel.imagePathProperty()::set);
    }

    /** Local files only: for a remote host the path is typed, since it names a file over there. */
    private java.util.Optional<String> choose(String what, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(what);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, patterns));
        File file = chooser.showOpenDialog(stage);
        return java.util.Optional.ofNullable(file).map(File::getAbsolutePath);
    }
}
