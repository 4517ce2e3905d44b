package org.bulkhead.ui.wizard;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

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
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.hypervisor.StoragePoolInfo;
import org.bulkhead.model.isolation.IsolationModel;
import org.bulkhead.model.isolation.IsolationModels;
import org.bulkhead.model.provision.Acceleration;
import org.bulkhead.model.provision.HostSetup;
import org.bulkhead.model.provision.Preflight;
import org.bulkhead.model.provision.PreflightFinding;
import org.bulkhead.model.provision.ProvisionDraft;
import org.bulkhead.model.provision.ProvisionListener;
import org.bulkhead.model.provision.ProvisionOutcome;
import org.bulkhead.model.provision.ProvisionStep;
import org.bulkhead.model.provision.RequestRules;
import org.bulkhead.model.provision.Verification;
import org.bulkhead.model.provision.VmCreation;
import org.bulkhead.model.provision.VmRequest;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.ui.common.TaskExecutor;

/**
 * The New VM wizard without its view: the answers, page-by-page validation, the summary with
 * label, resource plan, XML and pre-flight checks, and Finish with its progress and outcome.
 * Property changes happen on the UI thread; libvirt and the disk are reached only through
 * {@link TaskExecutor} work, and all of that work is {@link VmCreation}'s, shared with
 * {@code bulkhead create}.
 */
public final class NewVmWizardViewModel implements AutoCloseable {

    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;

    private final VmCreation.Ports ports;
    private final TaskExecutor tasks;
    private final Executor uiThread;

    private final ReadOnlyObjectWrapper<WizardPage> page = new ReadOnlyObjectWrapper<>(WizardPage.NAME);
    private final ReadOnlyStringWrapper pageError = new ReadOnlyStringWrapper("");
    /** The answer {@link #pageError} is about, or null when it is about the page as a whole. */
    private final ReadOnlyObjectWrapper<WizardField> errorField = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private final ObservableList<String> connections = FXCollections.observableArrayList();
    private final ObjectProperty<String> connectionUri = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper connectionStatus = new ReadOnlyStringWrapper("");
    private final StringProperty name = new SimpleStringProperty("");
    private final BooleanProperty isolated = new SimpleBooleanProperty(true);
    private final BooleanProperty pinLabel = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper isolationExplanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emulationNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper poolNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper isolationUnavailable = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper pinAvailable = new ReadOnlyBooleanWrapper(false);

    private final ObjectProperty<SourceKind> sourceKind = new SimpleObjectProperty<>(SourceKind.ISO);
    private final StringProperty isoPath = new SimpleStringProperty("");
    private final StringProperty imagePath = new SimpleStringProperty("");
    private final ObjectProperty<String> imageFormat = new SimpleObjectProperty<>("qcow2");

    private final StringProperty memoryMiB = new SimpleStringProperty("1024");
    private final StringProperty vcpus = new SimpleStringProperty("1");
    private final BooleanProperty emulated = new SimpleBooleanProperty(false);

    private final BooleanProperty newVolume = new SimpleBooleanProperty(true);
    private final ObservableList<String> pools = FXCollections.observableArrayList();
    private final ObjectProperty<String> pool = new SimpleObjectProperty<>();
    private final StringProperty diskGiB = new SimpleStringProperty("10");

    private final BooleanProperty natNetwork = new SimpleBooleanProperty(true);
    private final BooleanProperty startAfter = new SimpleBooleanProperty(true);

    private final ReadOnlyStringWrapper summaryLabel = new ReadOnlyStringWrapper("");
    private final ObservableList<String> resourcePlan = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper domainXml = new ReadOnlyStringWrapper("");
    private final ObservableList<PreflightFinding> findings = FXCollections.observableArrayList();
    private final BooleanProperty acknowledgeWarnings = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper canFinish = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper finishBlocker = new ReadOnlyStringWrapper("");

    private final ObservableList<String> progress = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper outcomeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ProvisionOutcome> outcome = new ReadOnlyObjectWrapper<>();

    // Touched on the UI thread only; the creation itself is used from background work.
    private volatile VmCreation creation;
    private HostContext host;
    private HostSetup setup = HostSetup.of(List.of());
    private Acceleration acceleration = new Acceleration(true, true, "");
    private ProvisionDraft draft;
    private volatile boolean redraftRequested;
    /** Set by a fix that copied the ISO or image somewhere Bulkhead may hand it to a VM. */
    private volatile String replacedSource;
    private boolean closed;

    /**
     * @param uiThread runs progress updates of Finish on the UI thread (Platform::runLater; direct in tests)
     */
    public NewVmWizardViewModel(VmCreation.Ports services, TaskExecutor tasks, Executor uiThread,
            List<String> connectionUris) {
        this.ports = services;
        this.tasks = tasks;
        this.uiThread = uiThread;
        connections.setAll(connectionUris);
        connectionUri.addListener((obs, old, uri) -> connect(uri));
        BooleanBinding warnings = Bindings.createBooleanBinding(
                () -> !VmCreation.needingAcknowledgement(findings).isEmpty(), findings);
        canFinish.bind(page.isEqualTo(WizardPage.SUMMARY).and(busy.not())
                .and(Bindings.createBooleanBinding(() -> draft != null && Preflight.allowsFinish(findings), findings))
                .and(warnings.not().or(acknowledgeWarnings)));
        finishBlocker.bind(Bindings.createStringBinding(() -> whyNoFinish(warnings.get()), page, busy, findings,
                acknowledgeWarnings, warnings));
        sourceKind.addListener((obs, old, kind) -> newVolume.set(kind != SourceKind.IMPORT && !pools.isEmpty()));
        isolated.addListener((obs, old, now) -> {
            applyAccelerationDefault();
            explainIsolation();
        });
        pool.addListener((obs, old, now) -> describePool(now));
        ChangeListener<Object> recheck = (obs, old, now) -> recheckField();
        List.<ObservableValue<?>>of(name, isoPath, imagePath, memoryMiB, vcpus, pool, diskGiB, newVolume, sourceKind)
                .forEach(answer -> answer.addListener(recheck));
        if (!connections.isEmpty()) {
            connectionUri.set(connections.get(0));
        }
    }

    private void connect(String uri) {
        releaseDraft();
        closeConnection();
        host = null;
        pools.clear();
        isolationExplanation.set("");
        isolationUnavailable.set("");
        pinAvailable.set(false);
        if (uri == null) {
            return;
        }
        connectionStatus.set("Connecting to " + uri + "…");
        busy.set(true);
        tasks.submit(() -> VmCreation.open(ports, uri), connected -> {
            if (idle() || !uri.equals(connectionUri.get())) {
                connected.close();
                return;
            }
            creation = connected;
            host = connected.host();
            setup = connected.setup();
            acceleration = connected.acceleration();
            pools.setAll(setup.choices().stream().map(StoragePoolInfo::name).toList());
            pool.set(pools.isEmpty() ? null : pools.get(0));
            newVolume.set(!pools.isEmpty() && sourceKind.get() != SourceKind.IMPORT);
            applyAccelerationDefault();
            IsolationModel rules = IsolationModels.of(host);
            explainIsolation();
            isolationUnavailable.set(rules.unavailableReason(host).orElse(""));
            pinAvailable.set(rules.canPin());
            if (!pinAvailable.get()) {
                pinLabel.set(false);
            }
            connectionStatus.set(host.modelsText() + " · " + IsolationModels.of(host).title() + " · "
                    + host.enforcement().label());
        }, failure -> {
            idle();
            connectionStatus.set("Could not connect: " + message(failure));
        });
    }

    /** Emulates by default where KVM would not start this VM, and says why. */
    private void applyAccelerationDefault() {
        boolean emulate = acceleration.emulateByDefault(isolated.get());
        emulated.set(emulate);
        emulationNote.set(emulate ? acceleration.reason() : "");
    }

    /** What the box does on this host while ticked; unticked, the shared label the VM would run under instead. */
    private void explainIsolation() {
        if (host == null) {
            isolationExplanation.set("");
        } else if (isolated.get()) {
            isolationExplanation.set(IsolationModels.of(host).explanation());
        } else {
            // A shared plan reserves nothing in the ledger; it only names the label.
            String shared = IsolationModels.plan(host, false, false, ports.ledgers().forUri(connectionUri.get()), "")
                    .labelText();
            isolationExplanation.set("Not isolated: this VM will run as " + shared + ".");
        }
    }

    private void describePool(String chosen) {
        poolNote.set(chosen != null && setup.newPool().filter(p -> p.name().equals(chosen)).isPresent()
                ? "This host has no storage pool yet: Finish creates '" + chosen + "' in "
                        + setup.newPool().get().targetPath().orElseThrow() + ", as libvirt's tools do."
                : "");
    }

    // ---- navigation

    public void next() {
        if (busy.get()) {
            return; // the page's background check decides whether it goes on
        }
        Optional<Problem> problem = problemAt(page.get());
        errorField.set(problem.map(Problem::field).orElse(null));
        pageError.set(problem.map(Problem::message).orElse(""));
        if (problem.isPresent()) {
            return;
        }
        if (page.get() == WizardPage.SOURCE && sourceKind.get() != SourceKind.NETWORK) {
            checkSourceExists();
            return;
        }
        if (page.get() == WizardPage.NETWORK) {
            prepareSummary();
        } else if (page.get().ordinal() < WizardPage.SUMMARY.ordinal()) {
            page.set(page.get().next());
        }
    }

    public void back() {
        if (busy.get() || page.get() == WizardPage.NAME || page.get() == WizardPage.RESULT) {
            return;
        }
        if (page.get() == WizardPage.SUMMARY) {
            releaseDraft();
        }
        errorField.set(null);
        pageError.set("");
        page.set(page.get().previous());
    }

    /** A problem shown beside the answer it is about, or at the foot of the page when {@code field} is null. */
    private record Problem(WizardField field, String message) {
    }

    /** The first problem on {@code which} page, in a sentence for the user. */
    Optional<String> problemOnPage(WizardPage which) {
        return problemAt(which).map(Problem::message);
    }

    private Optional<Problem> problemAt(WizardPage which) {
        return switch (which) {
            case NAME -> about(WizardField.NAME, RequestRules.name(name.get()))
                    .or(() -> about(null, connectionProblem().or(this::isolationProblem)));
            case SOURCE -> switch (sourceKind.get()) {
                case ISO -> about(WizardField.ISO, RequestRules.path(isoPath.get(), "installer ISO"));
                case IMPORT -> about(WizardField.IMAGE, RequestRules.path(imagePath.get(), "disk image to import"));
                case NETWORK -> Optional.empty();
            };
            case RESOURCES -> about(WizardField.MEMORY, parseError(memoryMiB.get(), "Memory (MiB)")
                    .or(() -> RequestRules.memory(number(memoryMiB.get())))
                    .or(() -> onHost(c -> c.memoryBeyondHost(number(memoryMiB.get())))))
                    .or(() -> about(WizardField.VCPUS, parseError(vcpus.get(), "Virtual CPUs")
                            .or(() -> RequestRules.vcpus(clamp(number(vcpus.get()))))
                            .or(() -> onHost(c -> c.vcpusBeyondHost(clamp(number(vcpus.get())))))));
            case STORAGE -> !newVolume.get() ? Optional.empty()
                    : pool.get() == null ? about(WizardField.POOL,
                            Optional.of("Choose a storage pool for the new disk, or no new disk."))
                    : about(WizardField.DISK_SIZE, parseError(diskGiB.get(), "Disk size (GiB)")
                            .or(() -> RequestRules.capacity(number(diskGiB.get())))
                            .or(() -> number(diskGiB.get()) > Long.MAX_VALUE / GIB
                                    ? Optional.of(diskGiB.get().strip() + " GiB is more than any pool can hold.")
                                    : onHost(c -> c.diskBeyondPool(pool.get(), number(diskGiB.get()) * GIB))));
            case NETWORK, SUMMARY, RESULT -> Optional.empty();
        };
    }

    private static Optional<Problem> about(WizardField field, Optional<String> message) {
        return message.map(text -> new Problem(field, text));
    }

    /** What the host or its pool cannot hold; nothing before the connection is open. */
    private Optional<String> onHost(java.util.function.Function<VmCreation, Optional<String>> limit) {
        VmCreation current = creation;
        return current == null ? Optional.empty() : limit.apply(current);
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
        Optional<Problem> now = switch (shown) {
            case ISO -> about(shown, RequestRules.path(isoPath.get(), "installer ISO"));
            case IMAGE -> about(shown, RequestRules.path(imagePath.get(), "disk image to import"));
            default -> problemAt(page.get()).filter(p -> p.field() == shown);
        };
        if (now.isPresent()) {
            pageError.set(now.get().message());
        } else {
            errorField.set(null);
            pageError.set("");
        }
    }

    private Optional<String> connectionProblem() {
        if (connectionUri.get() == null) {
            return Optional.of("Choose a connection.");
        }
        return host == null ? Optional.of(connectionStatus.get().isEmpty() ? "Still connecting…" : connectionStatus.get())
                : Optional.empty();
    }

    private Optional<String> isolationProblem() {
        return isolated.get() && !isolationUnavailable.get().isEmpty()
                ? Optional.of("This host cannot isolate the VM: " + isolationUnavailable.get())
                : Optional.empty();
    }

    /**
     * Whether the ISO or image exists, read in the background (a stat can hang on a network
     * mount): the page goes on when it does, and says so beside the path when it does not.
     */
    private void checkSourceExists() {
        VmCreation current = creation;
        boolean iso = sourceKind.get() == SourceKind.ISO;
        String path = iso ? isoPath.get() : imagePath.get();
        if (current == null) {
            page.set(page.get().next());
            return;
        }
        busy.set(true);
        tasks.submit(() -> current.missingFile(path, iso ? "ISO" : "disk image"), missing -> {
            if (idle() || page.get() != WizardPage.SOURCE) {
                return;
            }
            if (missing.isPresent()) {
                errorField.set(iso ? WizardField.ISO : WizardField.IMAGE);
                pageError.set(missing.get());
            } else {
                page.set(page.get().next());
            }
        }, failure -> {
            if (!idle()) {
                pageError.set(message(failure));
            }
        });
    }

    /** The whole number in {@code text}, or 0 when there is none (validation reports that first). */
    private static long number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int clamp(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static Optional<String> parseError(String text, String what) {
        try {
            Long.parseLong(text.strip());
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(what + " must be a whole number, not “" + text.strip() + "”.");
        }
    }

    // ---- summary

    VmRequest request() {
        VmRequest.InstallSource source = switch (sourceKind.get()) {
            case ISO -> new VmRequest.InstallSource.Iso(isoPath.get().strip());
            case IMPORT -> new VmRequest.InstallSource.ImportImage(imagePath.get().strip(), imageFormat.get());
            case NETWORK -> new VmRequest.InstallSource.NetworkBoot();
        };
        VmRequest.Storage storage = newVolume.get()
                ? new VmRequest.Storage.NewVolume(pool.get(), number(diskGiB.get()) * 1024 * MIB)
                : new VmRequest.Storage.NoNewVolume();
        String virtType = creation.virtType(emulated.get());
        return new VmRequest(name.get(), virtType, source, storage, number(memoryMiB.get()),
                clamp(number(vcpus.get())),
                natNetwork.get() ? Optional.of("default") : Optional.empty(), isolated.get(),
                pinLabel.get() && pinAvailable.get(), startAfter.get());
    }

    private void prepareSummary() {
        VmRequest request = request();
        VmCreation current = creation;
        releaseDraft();
        busy.set(true);
        tasks.submit(() -> current.draft(request, () -> redraftRequested = true, path -> replacedSource = path), summary -> {
            if (idle()) {
                current.release(summary.draft());
                return;
            }
            draft = summary.draft();
            summaryLabel.set(draft.isolation().labelText());
            resourcePlan.setAll(draft.resourcePlan().resources().stream()
                    .map(r -> r.resource().description() + " " + r.resource().path() + " → "
                            + r.label().orElse(r.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                            + " (" + r.reason() + ")")
                    .toList());
            domainXml.set(draft.xml());
            acknowledgeWarnings.set(false);
            findings.setAll(summary.findings());
            page.set(WizardPage.SUMMARY);
        }, failure -> {
            if (!idle()) {
                pageError.set(message(failure));
            }
        });
    }

    /** Applies a finding's one-click fix in the background, then checks again. */
    public void applyFix(PreflightFinding finding) {
        if (finding.fix().isEmpty() || busy.get()) {
            return;
        }
        busy.set(true);
        redraftRequested = false;
        replacedSource = null;
        tasks.submit(() -> {
            finding.fix().get().action().run();
            return Boolean.TRUE;
        }, done -> {
            if (idle()) {
                return;
            }
            if (replacedSource != null) {
                (sourceKind.get() == SourceKind.IMPORT ? imagePath : isoPath).set(replacedSource);
                replacedSource = null;
                prepareSummary();
            } else if (redraftRequested) {
                prepareSummary();
            } else {
                recheck();
            }
        }, failure -> {
            if (!idle()) {
                pageError.set("The fix failed: " + message(failure));
            }
        });
    }

    /** Runs the pre-flight checks again on the same draft (after fixing something outside Bulkhead). */
    public void recheck() {
        if (draft == null) {
            return;
        }
        ProvisionDraft current = draft;
        VmCreation open = creation;
        busy.set(true);
        tasks.submit(() -> open.recheck(current, () -> redraftRequested = true, path -> replacedSource = path), fresh -> {
            if (!idle()) {
                findings.setAll(fresh);
            }
        }, failure -> {
            if (!idle()) {
                pageError.set(message(failure));
            }
        });
    }

    // ---- finish

    /** Why Finish is off on the summary, in a sentence for beside the button; empty when it is on or elsewhere. */
    private String whyNoFinish(boolean warnings) {
        if (page.get() != WizardPage.SUMMARY || busy.get()) {
            return "";
        }
        if (!Preflight.allowsFinish(findings)) {
            return "Finish is off until the checks marked ✗ are fixed.";
        }
        return warnings && !acknowledgeWarnings.get()
                ? "Finish is off until you tick “I have read the warnings and what could not be checked”." : "";
    }

    public void finish() {
        if (!canFinish.get()) {
            return;
        }
        ProvisionDraft finishing = draft;
        draft = null; // Finish owns the reservation now: it keeps or releases it
        VmCreation finishingOn = creation;
        progress.clear();
        outcomeText.set("");
        page.set(WizardPage.RESULT);
        busy.set(true);
        ProvisionListener listener = (step, state, detail) -> uiThread.execute(() -> showProgress(step, state, detail));
        tasks.submit(() -> finishingOn.finish(finishing, listener), done -> {
            idle();
            outcome.set(done);
            outcomeText.set(describe(done));
        }, failure -> {
            idle();
            outcomeText.set("Finish stopped unexpectedly: " + message(failure));
        });
    }

    /** One line per step: a step's outcome replaces its "running" line. */
    private void showProgress(ProvisionStep step, ProvisionListener.State state, String detail) {
        String running = VmCreation.progressLine(step, ProvisionListener.State.RUNNING, "");
        String line = VmCreation.progressLine(step, state, detail);
        if (!progress.isEmpty() && progress.get(progress.size() - 1).equals(running)) {
            progress.set(progress.size() - 1, line);
        } else {
            progress.add(line);
        }
    }

    private static String describe(ProvisionOutcome done) {
        if (!done.succeeded()) {
            return done.failure().get() + "\n" + ProvisionOutcome.describeRollback(done.rollback());
        }
        String created = "Created '" + done.name() + "'" + (done.started() ? " and started it." : ".");
        if (done.verification().isEmpty()) {
            return created;
        }
        Verification v = done.verification().get();
        return created + "\nLabels read back: " + v.verdict().label()
                + (v.mismatches().isEmpty() ? "" : "\nMismatches:\n" + String.join("\n", v.mismatches()))
                + (v.unchecked().isEmpty() ? "" : "\nNot checked:\n" + String.join("\n", v.unchecked()))
                + "\n" + String.join("\n", v.lines());
    }

    /** The draft is always released before its connection's creation is closed or replaced. */
    private void releaseDraft() {
        if (draft != null) {
            creation.release(draft);
            draft = null;
        }
        findings.clear();
    }

    private static String message(Exception e) {
        if (e instanceof HypervisorException h) {
            return h.userMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private void closeConnection() {
        VmCreation old = creation;
        creation = null;
        if (old != null) {
            tasks.submit(() -> {
                old.close();
                return Boolean.TRUE;
            }, ignored -> { }, failure -> { });
        }
    }

    /** Whether closing now would throw answers away: a typed name or any page past the first, before Finish. */
    public boolean wouldLoseAnswers() {
        return page.get() != WizardPage.RESULT && (page.get() != WizardPage.NAME || !name.get().isBlank());
    }

    /**
     * Cancels: gives back any reserved label and closes the wizard's connection. Work in flight
     * (a running Finish above all) keeps the connection until it ends, then it is closed.
     */
    @Override
    public void close() {
        closed = true;
        releaseDraft();
        if (!busy.get()) {
            closeConnection();
        }
    }

    /** Ends a background step; true when the wizard was closed meanwhile, so its result must be dropped. */
    private boolean idle() {
        busy.set(false);
        if (closed) {
            closeConnection();
            return true;
        }
        return false;
    }

    // ---- properties

    public ReadOnlyObjectProperty<WizardPage> pageProperty() { return page.getReadOnlyProperty(); }
    public ReadOnlyStringProperty pageErrorProperty() { return pageError.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<WizardField> errorFieldProperty() { return errorField.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ObservableList<String> connections() { return connections; }
    public ObjectProperty<String> connectionUriProperty() { return connectionUri; }
    public ReadOnlyStringProperty connectionStatusProperty() { return connectionStatus.getReadOnlyProperty(); }
    public StringProperty nameProperty() { return name; }
    public BooleanProperty isolatedProperty() { return isolated; }
    public BooleanProperty pinLabelProperty() { return pinLabel; }
    public ReadOnlyStringProperty isolationExplanationProperty() { return isolationExplanation.getReadOnlyProperty(); }
    public ReadOnlyStringProperty emulationNoteProperty() { return emulationNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty poolNoteProperty() { return poolNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty isolationUnavailableProperty() { return isolationUnavailable.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty pinAvailableProperty() { return pinAvailable.getReadOnlyProperty(); }
    public ObjectProperty<SourceKind> sourceKindProperty() { return sourceKind; }
    public StringProperty isoPathProperty() { return isoPath; }
    public StringProperty imagePathProperty() { return imagePath; }
    public ObjectProperty<String> imageFormatProperty() { return imageFormat; }
    public StringProperty memoryMiBProperty() { return memoryMiB; }
    public StringProperty vcpusProperty() { return vcpus; }
    public BooleanProperty emulatedProperty() { return emulated; }
    public BooleanProperty newVolumeProperty() { return newVolume; }
    public ObservableList<String> pools() { return pools; }
    public ObjectProperty<String> poolProperty() { return pool; }
    public StringProperty diskGiBProperty() { return diskGiB; }
    public BooleanProperty natNetworkProperty() { return natNetwork; }
    public BooleanProperty startAfterProperty() { return startAfter; }
    public ReadOnlyStringProperty summaryLabelProperty() { return summaryLabel.getReadOnlyProperty(); }
    public ObservableList<String> resourcePlan() { return resourcePlan; }
    public ReadOnlyStringProperty domainXmlProperty() { return domainXml.getReadOnlyProperty(); }
    public ObservableList<PreflightFinding> findings() { return findings; }
    public BooleanProperty acknowledgeWarningsProperty() { return acknowledgeWarnings; }
    public ReadOnlyBooleanProperty canFinishProperty() { return canFinish.getReadOnlyProperty(); }
    public ReadOnlyStringProperty finishBlockerProperty() { return finishBlocker.getReadOnlyProperty(); }
    public ObservableList<String> progress() { return progress; }
    public ReadOnlyStringProperty outcomeTextProperty() { return outcomeText.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ProvisionOutcome> outcomeProperty() { return outcome.getReadOnlyProperty(); }
}
