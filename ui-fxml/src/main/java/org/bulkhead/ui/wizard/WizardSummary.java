package org.bulkhead.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.bulkhead.model.osinfo.GuestOs;
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

    private final ObservableList<SummaryLine> lines = FXCollections.observableArrayList();
    private final ObservableList<SummaryLine> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ReadOnlyStringWrapper isolation = new ReadOnlyStringWrapper("");
    private final ObservableList<PlanRow> planRows = FXCollections.observableArrayList();
    private final ObservableList<PlanRow> planRowsView = FXCollections.unmodifiableObservableList(planRows);
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper("");
    private final ObservableList<String> resourcePlan = FXCollections.observableArrayList();
    private final ObservableList<String> resourcePlanView = FXCollections.unmodifiableObservableList(resourcePlan);
    private final ReadOnlyStringWrapper domainXml = new ReadOnlyStringWrapper("");
    private final ObservableList<PreflightFinding> findings = FXCollections.observableArrayList();
    private final ObservableList<PreflightFinding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final BooleanProperty acknowledgeWarnings = new SimpleBooleanProperty(false);

    /** One answer in plain words: "Memory" and "1024 MiB". */
    record SummaryLine(String what, String value) {
    }

    /** One file of the VM, the label it will carry, and why. */
    record PlanRow(String file, String label, String why) {
    }

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
                    lines.setAll(describe(request));
                    isolation.set(request.isolated() ? "Isolated. " + connection.isolationExplanationProperty().get()
                            : connection.isolationExplanationProperty().get());
                    label.set(draft.isolation().labelText());
                    planRows.setAll(draft.resourcePlan().resources().stream()
                            .map(r -> new PlanRow(r.resource().description() + " " + r.resource().path(),
                                    r.label().orElse(switch (r.action()) {
                                        case RELABEL -> "chosen by libvirt at start";
                                        case LEAVE_ALONE -> "left as it is";
                                        case QEMU_CREATES -> "created by QEMU";
                                        case NOT_A_FILE -> "not a file";
                                    }),
                                    r.reason()))
                            .toList());
                    resourcePlan.setAll(planRows.stream()
                            .map(r -> r.file() + " → " + r.label() + " (" + r.why() + ")").toList());
                    domainXml.set(draft.xml());
                    acknowledgeWarnings.set(false);
                    findings.setAll(summary.findings());
                    showSummary.run();
                }, summary -> current.release(summary.draft()), showError);
    }

    /** The request in plain words, in the order a person would tell it. */
    private List<SummaryLine> describe(VmRequest request) {
        List<SummaryLine> told = new ArrayList<>();
        told.add(new SummaryLine("Name", request.name()));
        told.add(new SummaryLine("Connection", connection.uriProperty().get()));
        told.add(new SummaryLine("Operating system", request.os().map(GuestOs::name).orElse("Generic (not known)")));
        told.add(new SummaryLine("Memory", request.memoryMiB() + " MiB"));
        told.add(new SummaryLine("Virtual CPUs", request.vcpus() + (answers.emulatedProperty().get()
                ? ", emulated (TCG): slower, but needs no KVM" : "")));
        String disk = switch (request.storage()) {
            case VmRequest.Storage.NewVolume v -> "a new " + v.capacityBytes() / (1024L * 1024 * 1024)
                    + " GiB disk (qcow2) in the pool '" + v.pool() + "'";
            case VmRequest.Storage.NoNewVolume n -> "no new disk";
        };
        if (request.source() instanceof VmRequest.InstallSource.ImportImage image) {
            disk = "the imported image " + image.path() + (request.storage() instanceof VmRequest.Storage.NewVolume
                    ? ", and " + disk : "");
        }
        told.add(new SummaryLine("Disk", disk));
        told.add(new SummaryLine("Network", request.network()
                .map(n -> "libvirt's '" + n + "' network (NAT): the VM can reach out, nothing can reach in")
                .orElse("none")));
        told.add(new SummaryLine("Install from", switch (request.source()) {
            case VmRequest.InstallSource.Iso iso -> "the ISO " + iso.path();
            case VmRequest.InstallSource.ImportImage image -> "nothing: the imported image has a system on it";
            case VmRequest.InstallSource.NetworkBoot boot -> "the network (PXE boot)";
        }));
        return told;
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

    ObservableList<SummaryLine> lines() { return linesView; }
    ReadOnlyStringProperty isolationProperty() { return isolation.getReadOnlyProperty(); }
    ObservableList<PlanRow> planRows() { return planRowsView; }
    ReadOnlyStringProperty labelProperty() { return label.getReadOnlyProperty(); }
    ObservableList<String> resourcePlan() { return resourcePlanView; }
    ReadOnlyStringProperty domainXmlProperty() { return domainXml.getReadOnlyProperty(); }
    ObservableList<PreflightFinding> findings() { return findingsView; }
    BooleanProperty acknowledgeWarningsProperty() { return acknowledgeWarnings; }
}
