package org.bulkhead.ui.wizard;

import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.bulkhead.model.provision.PreflightFinding;
import org.bulkhead.model.provision.ProvisionDraft;
import org.bulkhead.model.provision.VmCreation;
import org.bulkhead.model.provision.VmRequest;

/**
 * The summary page: a draft of the VM (its reserved label, the label each file will carry, the
 * domain XML) and the pre-flight checks on it, with their one-click fixes and a re-check.
 * The draft's reservation is always given back before its connection closes or changes.
 */
final class WizardSummary {

    private final WizardWork work;
    private final WizardAnswers answers;
    private final WizardConnection connection;
    private final WizardOs os;
    private final Consumer<String> showError;
    private final Runnable showSummary;

    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper("");
    private final ObservableList<String> resourcePlan = FXCollections.observableArrayList();
    private final ObservableList<String> resourcePlanView = FXCollections.unmodifiableObservableList(resourcePlan);
    private final ReadOnlyStringWrapper domainXml = new ReadOnlyStringWrapper("");
    private final ObservableList<PreflightFinding> findings = FXCollections.observableArrayList();
    private final ObservableList<PreflightFinding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final BooleanProperty acknowledgeWarnings = new SimpleBooleanProperty(false);

    private ProvisionDraft draft;
    private volatile boolean redraftRequested;
    /** Set by a fix that copied the ISO or image somewhere Bulkhead may hand it to a VM. */
    private volatile String replacedSource;

    /**
     * @param showError shows a message at the foot of the page
     * @param showSummary turns to the summary page once a draft is ready
     */
    WizardSummary(WizardWork work, WizardAnswers answers, WizardConnection connection, WizardOs os,
            Consumer<String> showError, Runnable showSummary) {
        this.work = work;
        this.answers = answers;
        this.connection = connection;
        this.os = os;
        this.showError = showError;
        this.showSummary = showSummary;
    }

    /** Drafts the VM from the answers in the background, runs the checks, then shows the summary. */
    void prepare() {
        VmCreation current = connection.creation();
        VmRequest request = answers.request(current, connection.pinAvailableProperty().get(), os.choice());
        release();
        work.step(() -> current.draft(request, () -> redraftRequested = true, path -> replacedSource = path),
                summary -> {
                    draft = summary.draft();
                    label.set(draft.isolation().labelText());
                    resourcePlan.setAll(draft.resourcePlan().resources().stream()
                            .map(r -> r.resource().description() + " " + r.resource().path() + " → "
                                    + r.label().orElse(r.action().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                                    + " (" + r.reason() + ")")
                            .toList());
                    domainXml.set(draft.xml());
                    acknowledgeWarnings.set(false);
                    findings.setAll(summary.findings());
                    showSummary.run();
                }, summary -> current.release(summary.draft()), showError);
    }

    /** Applies a finding's one-click fix in the background, then checks again (or drafts again). */
    void applyFix(PreflightFinding finding) {
        if (finding.fix().isEmpty() || work.busy()) {
            return;
        }
        redraftRequested = false;
        replacedSource = null;
        work.step(() -> {
            finding.fix().get().action().run();
            return Boolean.TRUE;
        }, done -> {
            if (replacedSource != null) {
                (answers.sourceKindProperty().get() == SourceKind.IMPORT ? answers.imagePathProperty()
                        : answers.isoPathProperty()).set(replacedSource);
                replacedSource = null;
                prepare();
            } else if (redraftRequested) {
                prepare();
            } else {
                recheck();
            }
        }, done -> { }, failure -> showError.accept("The fix failed: " + failure));
    }

    /** Runs the pre-flight checks again on the same draft (after fixing something outside Bulkhead). */
    void recheck() {
        if (draft == null) {
            return;
        }
        ProvisionDraft current = draft;
        VmCreation open = connection.creation();
        work.step(() -> open.recheck(current, () -> redraftRequested = true, path -> replacedSource = path),
                findings::setAll, fresh -> { }, showError);
    }

    boolean hasDraft() {
        return draft != null;
    }

    /** Hands the draft and its reservation to Finish, which keeps or releases it. */
    ProvisionDraft takeDraft() {
        ProvisionDraft taken = draft;
        draft = null;
        return taken;
    }

    /** Gives back the draft's reservation; the checks go with it. */
    void release() {
        if (draft != null) {
            connection.creation().release(draft);
            draft = null;
        }
        findings.clear();
    }

    ReadOnlyStringProperty labelProperty() { return label.getReadOnlyProperty(); }
    ObservableList<String> resourcePlan() { return resourcePlanView; }
    ReadOnlyStringProperty domainXmlProperty() { return domainXml.getReadOnlyProperty(); }
    ObservableList<PreflightFinding> findings() { return findingsView; }
    BooleanProperty acknowledgeWarningsProperty() { return acknowledgeWarnings; }
}
