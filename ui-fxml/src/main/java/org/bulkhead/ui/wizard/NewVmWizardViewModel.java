package org.bulkhead.ui.wizard;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ObservableList;

import org.bulkhead.model.osinfo.GuestOs;
import org.bulkhead.model.osinfo.OsCatalog;
import org.bulkhead.model.provision.Preflight;
import org.bulkhead.model.provision.PreflightFinding;
import org.bulkhead.model.provision.ProvisionOutcome;
import org.bulkhead.model.provision.VmCreation;
import org.bulkhead.ui.common.TaskExecutor;

/**
 * The New VM wizard without its view: which page is showing, where Next and Back go, and the
 * message beside the answer that stops it. The ideas behind the pages are their own classes:
 * the connection and its probe ({@link WizardConnection}), the answers and their validation
 * ({@link WizardAnswers}), the summary and pre-flight ({@link WizardSummary}) and Finish
 * ({@link WizardFinish}); all their work is {@link VmCreation}'s, shared with {@code bulkhead create}.
 * Property changes happen on the UI thread; libvirt and the disk are reached only through
 * {@link TaskExecutor} work.
 */
public final class NewVmWizardViewModel implements AutoCloseable {

    private final ReadOnlyObjectWrapper<WizardPage> page = new ReadOnlyObjectWrapper<>(WizardPage.NAME);
    private final ReadOnlyStringWrapper pageError = new ReadOnlyStringWrapper("");
    /** The answer {@link #pageError} is about, or null when it is about the page as a whole. */
    private final ReadOnlyObjectWrapper<WizardField> errorField = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canFinish = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper finishBlocker = new ReadOnlyStringWrapper("");

    private final WizardWork work;
    private final WizardAnswers answers = new WizardAnswers();
    private final WizardConnection connection;
    private final WizardOs os;
    private final WizardSummary summary;
    private final WizardFinish finishing;

    /**
     * @param uiThread runs progress updates of Finish on the UI thread (Platform::runLater; direct in tests)
     */
    public NewVmWizardViewModel(VmCreation.Ports services, TaskExecutor tasks, Executor uiThread,
            List<String> connectionUris) {
        this(services, tasks, uiThread, connectionUris, WizardOs::systemCatalog);
    }

    /** @param catalogs libosinfo's database (this machine's by default), read once in the background */
    NewVmWizardViewModel(VmCreation.Ports services, TaskExecutor tasks, Executor uiThread, List<String> connectionUris,
            Supplier<OsCatalog> catalogs) {
        work = new WizardWork(tasks, () -> connection().close());
        connection = new WizardConnection(services, work, answers, connectionUris);
        os = new WizardOs(answers, tasks, catalogs);
        summary = new WizardSummary(work, answers, connection, os, pageError::set, () -> page.set(WizardPage.SUMMARY));
        finishing = new WizardFinish(work, uiThread);
        connection.uriProperty().addListener((obs, old, uri) -> connection.connect(uri, summary::release));
        BooleanBinding warnings = Bindings.createBooleanBinding(
                () -> !VmCreation.needingAcknowledgement(summary.findings()).isEmpty(), summary.findings());
        canFinish.bind(page.isEqualTo(WizardPage.SUMMARY).and(work.busyProperty().not())
                .and(Bindings.createBooleanBinding(() -> summary.hasDraft() && Preflight.allowsFinish(summary.findings()),
                        summary.findings()))
                .and(warnings.not().or(summary.acknowledgeWarningsProperty())));
        finishBlocker.bind(Bindings.createStringBinding(() -> whyNoFinish(warnings.get()), page, work.busyProperty(),
                summary.findings(), summary.acknowledgeWarningsProperty(), warnings));
        ChangeListener<Object> recheck = (obs, old, now) -> recheckField();
        for (var answer : answers.checked()) {
            answer.addListener(recheck);
        }
        if (!connection.connections().isEmpty()) {
            connection.uriProperty().set(connection.connections().get(0));
        }
    }

    private WizardConnection connection() {
        return connection;
    }

    // ---- navigation

    public void next() {
        if (work.busy()) {
            return; // the page's background check decides whether it goes on
        }
        Optional<WizardAnswers.Problem> problem = answers.problemAt(page.get(), connection);
        errorField.set(problem.map(WizardAnswers.Problem::field).orElse(null));
        pageError.set(problem.map(WizardAnswers.Problem::message).orElse(""));
        if (problem.isPresent()) {
            return;
        }
        if (page.get() == WizardPage.SOURCE && answers.sourceKindProperty().get() != SourceKind.NETWORK) {
            checkSourceExists();
            return;
        }
        if (page.get() == WizardPage.NETWORK) {
            summary.prepare();
        } else if (page.get().ordinal() < WizardPage.SUMMARY.ordinal()) {
            page.set(page.get().next());
        }
    }

    public void back() {
        if (work.busy() || page.get() == WizardPage.NAME || page.get() == WizardPage.RESULT) {
            return;
        }
        if (page.get() == WizardPage.SUMMARY) {
            summary.release();
        }
        errorField.set(null);
        pageError.set("");
        page.set(page.get().previous());
    }

    /** The first problem on {@code which} page, in a sentence for the user. */
    Optional<String> problemOnPage(WizardPage which) {
        return answers.problemAt(which, connection).map(WizardAnswers.Problem::message);
    }

    /**
     * After an answer changes: the message beside it goes once it no longer applies, and follows
     * the answer while it still does. Other answers are checked only when Next is pressed.
     */
    private void recheckField() {
        WizardField shown = errorField.get();
        if (shown == null) {
            return;
        }
        // Whether a file exists is asked of the disk on Next only, never on each keystroke on the UI thread.
        Optional<WizardAnswers.Problem> now = switch (shown) {
            case ISO, IMAGE -> answers.sourceProblem(shown);
            default -> answers.problemAt(page.get(), connection).filter(p -> p.field() == shown);
        };
        if (now.isPresent()) {
            pageError.set(now.get().message());
        } else {
            errorField.set(null);
            pageError.set("");
        }
    }

    /**
     * Whether the ISO or image exists, read in the background (a stat can hang on a network
     * mount): the page goes on when it does, and says so beside the path when it does not.
     */
    private void checkSourceExists() {
        VmCreation current = connection.creation();
        boolean iso = answers.sourceKindProperty().get() == SourceKind.ISO;
        String path = (iso ? answers.isoPathProperty() : answers.imagePathProperty()).get();
        if (current == null) {
            page.set(page.get().next());
            return;
        }
        // An ISO on this machine is read for its volume label, to recognise its system; a remote one cannot be.
        boolean readable = iso && current.host().info().local();
        work.step(() -> new SourceCheck(current.missingFile(path, iso ? "ISO" : "disk image"),
                readable ? Optional.of(WizardOs.read(path)) : Optional.empty()), check -> {
            if (page.get() != WizardPage.SOURCE) {
                return;
            }
            if (check.missing().isPresent()) {
                errorField.set(iso ? WizardField.ISO : WizardField.IMAGE);
                pageError.set(check.missing().get());
                return;
            }
            check.reading().ifPresent(os::detected);
            if (iso && !readable) {
                os.notReadable("The ISO is on the connection's host, so it is not read from here: choose its system.");
            }
            page.set(page.get().next());
        }, check -> { }, pageError::set);
    }

    /** Whether the ISO or image is missing, and what reading the ISO found. */
    private record SourceCheck(Optional<String> missing, Optional<WizardOs.Reading> reading) {
    }

    // ---- summary and finish

    /** Applies a finding's one-click fix in the background, then checks again. */
    public void applyFix(PreflightFinding finding) {
        summary.applyFix(finding);
    }

    /** Runs the pre-flight checks again on the same draft (after fixing something outside Bulkhead). */
    public void recheck() {
        summary.recheck();
    }

    /** Why Finish is off on the summary, in a sentence for beside the button; empty when it is on or elsewhere. */
    private String whyNoFinish(boolean warnings) {
        if (page.get() != WizardPage.SUMMARY || work.busy()) {
            return "";
        }
        if (!Preflight.allowsFinish(summary.findings())) {
            return "Finish is off until the checks marked ✗ are fixed.";
        }
        return warnings && !summary.acknowledgeWarningsProperty().get()
                ? "Finish is off until you tick “I have read the warnings and what could not be checked”." : "";
    }

    public void finish() {
        if (!canFinish.get()) {
            return;
        }
        VmCreation finishingOn = connection.creation();
        // Finish owns the reservation now: it keeps or releases it
        var draft = summary.takeDraft();
        page.set(WizardPage.RESULT);
        finishing.start(finishingOn, draft);
    }

    /** Whether closing now would throw answers away: a typed name or any page past the first, before Finish. */
    public boolean wouldLoseAnswers() {
        return page.get() != WizardPage.RESULT
                && (page.get() != WizardPage.NAME || !answers.nameProperty().get().isBlank());
    }

    /**
     * Cancels: gives back any reserved label and closes the wizard's connection. Work in flight
     * (a running Finish above all) keeps the connection until it ends, then it is closed.
     */
    @Override
    public void close() {
        summary.release();
        work.close();
    }

    // ---- properties

    public ReadOnlyObjectProperty<WizardPage> pageProperty() { return page.getReadOnlyProperty(); }
    public ReadOnlyStringProperty pageErrorProperty() { return pageError.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<WizardField> errorFieldProperty() { return errorField.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return work.busyProperty(); }
    public ObservableList<String> connections() { return connection.connections(); }
    public ObjectProperty<String> connectionUriProperty() { return connection.uriProperty(); }
    public ReadOnlyStringProperty connectionStatusProperty() { return connection.statusProperty(); }
    public StringProperty nameProperty() { return answers.nameProperty(); }
    public BooleanProperty isolatedProperty() { return answers.isolatedProperty(); }
    public BooleanProperty pinLabelProperty() { return answers.pinLabelProperty(); }
    public ReadOnlyStringProperty isolationExplanationProperty() { return connection.isolationExplanationProperty(); }
    public StringProperty osQueryProperty() { return os.queryProperty(); }
    public ObservableList<GuestOs> osChoices() { return os.choices(); }
    public ObjectProperty<GuestOs> osProperty() { return os.chosenProperty(); }
    public ReadOnlyStringProperty osDetectionProperty() { return os.detectionProperty(); }
    public ReadOnlyStringProperty osRecommendationProperty() { return os.recommendationProperty(); }
    public ReadOnlyStringProperty emulationNoteProperty() { return connection.emulationNoteProperty(); }
    public ReadOnlyStringProperty poolNoteProperty() { return connection.poolNoteProperty(); }
    public ReadOnlyStringProperty isolationUnavailableProperty() { return connection.isolationUnavailableProperty(); }
    public ReadOnlyBooleanProperty pinAvailableProperty() { return connection.pinAvailableProperty(); }
    public ObjectProperty<SourceKind> sourceKindProperty() { return answers.sourceKindProperty(); }
    public StringProperty isoPathProperty() { return answers.isoPathProperty(); }
    public StringProperty imagePathProperty() { return answers.imagePathProperty(); }
    public ObjectProperty<String> imageFormatProperty() { return answers.imageFormatProperty(); }
    public StringProperty memoryMiBProperty() { return answers.memoryMiBProperty(); }
    public StringProperty vcpusProperty() { return answers.vcpusProperty(); }
    public BooleanProperty emulatedProperty() { return answers.emulatedProperty(); }
    public BooleanProperty newVolumeProperty() { return answers.newVolumeProperty(); }
    public ObservableList<String> pools() { return connection.pools(); }
    public ObjectProperty<String> poolProperty() { return answers.poolProperty(); }
    public StringProperty diskGiBProperty() { return answers.diskGiBProperty(); }
    public BooleanProperty natNetworkProperty() { return answers.natNetworkProperty(); }
    public BooleanProperty startAfterProperty() { return answers.startAfterProperty(); }
    public ObservableList<WizardSummary.SummaryLine> summaryLines() { return summary.lines(); }
    public ReadOnlyStringProperty summaryIsolationProperty() { return summary.isolationProperty(); }
    public ObservableList<WizardSummary.PlanRow> planRows() { return summary.planRows(); }
    public ReadOnlyStringProperty summaryLabelProperty() { return summary.labelProperty(); }
    public ObservableList<String> resourcePlan() { return summary.resourcePlan(); }
    public ReadOnlyStringProperty domainXmlProperty() { return summary.domainXmlProperty(); }
    public ObservableList<PreflightFinding> findings() { return summary.findings(); }
    public BooleanProperty acknowledgeWarningsProperty() { return summary.acknowledgeWarningsProperty(); }
    public ReadOnlyBooleanProperty canFinishProperty() { return canFinish.getReadOnlyProperty(); }
    public ReadOnlyStringProperty finishBlockerProperty() { return finishBlocker.getReadOnlyProperty(); }
    public ObservableList<String> progress() { return finishing.progress(); }
    public ReadOnlyStringProperty outcomeTextProperty() { return finishing.outcomeTextProperty(); }
    public ReadOnlyObjectProperty<ProvisionOutcome> outcomeProperty() { return finishing.outcomeProperty(); }
}
