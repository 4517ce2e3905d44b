package org.bulkhead.ui.wizard;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.bulkhead.model.provision.PreflightFinding;
import org.bulkhead.model.provision.VmCreation;
import org.bulkhead.ui.common.Views;

/**
 * The wizard's summary page: the VM in plain words, then its isolation, the exact label, the
 * label each file will carry, the pre-flight checks and the domain XML, and the boxes Finish
 * reads (warnings acknowledged, start afterwards).
 */
final class SummaryPageView {

    @FXML private VBox summaryPage;
    @FXML private TextField labelValue;
    @FXML private GridPane summaryGrid;
    @FXML private Label summaryIsolation;
    @FXML private GridPane planGrid;
    @FXML private VBox findingsBox;
    @FXML private CheckBox acknowledgeBox;
    @FXML private CheckBox startBox;
    @FXML private TextArea xmlArea;

    private final NewVmWizardViewModel viewModel;

    SummaryPageView(NewVmWizardViewModel viewModel) {
        this.viewModel = viewModel;
        Views.load(this, "SummaryPage.fxml");
    }

    Node root() {
        return summaryPage;
    }

    /** Where focus starts on this page: the label, read-only, so Enter goes to Finish and Tab onwards. */
    Node firstControl() {
        return labelValue;
    }

    @FXML
    private void initialize() {
        labelValue.textProperty().bind(viewModel.summaryLabelProperty());
        summaryIsolation.textProperty().bind(viewModel.summaryIsolationProperty());
        viewModel.summaryLines().addListener((ListChangeListener<WizardSummary.SummaryLine>) change -> showLines());
        viewModel.planRows().addListener((ListChangeListener<WizardSummary.PlanRow>) change -> showPlan());
        showLines();
        showPlan();
        xmlArea.textProperty().bind(viewModel.domainXmlProperty());
        acknowledgeBox.selectedProperty().bindBidirectional(viewModel.acknowledgeWarningsProperty());
        // Whatever Finish needs acknowledged is offered here: warnings, and checks that could not be made.
        acknowledgeBox.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> !VmCreation.needingAcknowledgement(viewModel.findings()).isEmpty(), viewModel.findings()));
        acknowledgeBox.managedProperty().bind(acknowledgeBox.visibleProperty());
        startBox.selectedProperty().bindBidirectional(viewModel.startAfterProperty());
        viewModel.findings().addListener((ListChangeListener<PreflightFinding>) change -> showFindings());
        showFindings();
    }

    private void showLines() {
        SummaryContent.lines(summaryGrid, viewModel.summaryLines());
    }

    private void showPlan() {
        SummaryContent.plan(planGrid, viewModel.planRows());
    }

    private void showFindings() {
        SummaryContent.findings(findingsBox, viewModel);
    }
}
