package org.bulkhead.ui.wizard;

import java.util.List;
import java.util.Locale;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.bulkhead.model.provision.PreflightFinding;

/** The summary page's content: the answers in plain words, the file plan and the pre-flight findings. */
final class SummaryContent {

    private SummaryContent() {
    }

    /** The answers in plain words, two columns: what, and its value (wrapped, never cut). */
    static void lines(GridPane summaryGrid, List<WizardSummary.SummaryLine> lines) {
        summaryGrid.getChildren().clear();
        summaryGrid.getColumnConstraints().setAll(column(-1, Priority.NEVER), column(-1, Priority.ALWAYS));
        int row = 0;
        for (WizardSummary.SummaryLine line : lines) {
            Label key = new Label(line.what());
            key.getStyleClass().add("summary-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            summaryGrid.addRow(row++, key, wrapped(line.value(), "summary-value"));
        }
    }

    /**
     * The file plan as a table whose cells wrap: every row shows its whole label, however long
     * the path before it, with no sideways scrolling.
     */
    static void plan(GridPane planGrid, List<WizardSummary.PlanRow> rows) {
        planGrid.getChildren().clear();
        planGrid.getColumnConstraints().setAll(column(34, Priority.SOMETIMES), column(40, Priority.SOMETIMES),
                column(26, Priority.SOMETIMES));
        Label file = new Label("File");
        Label label = new Label("Label it will carry");
        Label why = new Label("Why");
        List.of(file, label, why).forEach(head -> head.getStyleClass().add("plan-head"));
        planGrid.addRow(0, file, label, why);
        int row = 1;
        for (WizardSummary.PlanRow plan : rows) {
            planGrid.addRow(row++, wrapped(plan.file(), "plan-file"), wrapped(plan.label(), "plan-label"),
                    wrapped(plan.why(), "plan-why"));
        }
    }

    private static ColumnConstraints column(double percent, Priority grow) {
        ColumnConstraints column = new ColumnConstraints();
        if (percent > 0) {
            column.setPercentWidth(percent);
        }
        column.setHgrow(grow);
        column.setFillWidth(true);
        return column;
    }

    private static Label wrapped(String text, String style) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        label.getStyleClass().add(style);
        return label;
    }

    /** Each pre-flight finding: glyph and verdict, why, the command to run, and a fix button where there is one. */
    static void findings(VBox findingsBox, NewVmWizardViewModel viewModel) {
        findingsBox.getChildren().clear();
        for (PreflightFinding finding : viewModel.findings()) {
            VBox box = new VBox();
            box.getStyleClass().addAll("finding", "finding-" + finding.status().name().toLowerCase(Locale.ROOT));
            String marker = switch (finding.status()) {
                case PASSED -> "✓";
                case NOT_CHECKED -> "?";
                case WARNING -> "⚠";
                case BLOCKING -> "✗";
            };
            Label title = new Label(marker + " " + finding.check().title() + ": " + finding.status().label());
            title.getStyleClass().add("finding-title");
            Label explanation = new Label(finding.explanation());
            explanation.setWrapText(true);
            box.getChildren().addAll(title, explanation);
            finding.command().ifPresent(command -> {
                TextField field = new TextField(command);
                field.setEditable(false);
                field.getStyleClass().add("finding-command");
                box.getChildren().add(field);
            });
            finding.fix().ifPresent(fix -> {
                Button button = new Button(fix.label());
                button.setId("fix-" + finding.check().name());
                button.disableProperty().bind(viewModel.busyProperty());
                button.setOnAction(event -> viewModel.applyFix(finding));
                box.getChildren().add(new HBox(button));
            });
            findingsBox.getChildren().add(box);
        }
    }
}
