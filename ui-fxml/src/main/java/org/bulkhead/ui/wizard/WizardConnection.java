package org.bulkhead.ui.wizard;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.hypervisor.StoragePoolInfo;
import org.bulkhead.model.isolation.IsolationModel;
import org.bulkhead.model.isolation.IsolationModels;
import org.bulkhead.model.provision.Acceleration;
import org.bulkhead.model.provision.HostSetup;
import org.bulkhead.model.provision.VmCreation;

/**
 * The wizard's connection and what its probe found: the host's security model and what Isolated
 * means there, its pools, and whether the CPU must be emulated. Opening one is background work.
 */
final class WizardConnection {

    private final VmCreation.Ports ports;
    private final WizardWork work;
    private final WizardAnswers answers;

    private final ObservableList<String> connections = FXCollections.observableArrayList();
    private final ObservableList<String> connectionsView = FXCollections.unmodifiableObservableList(connections);
    private final ObjectProperty<String> uri = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper isolationExplanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper isolationUnavailable = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper pinAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper emulationNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper poolNote = new ReadOnlyStringWrapper("");
    private final ObservableList<String> pools = FXCollections.observableArrayList();
    private final ObservableList<String> poolsView = FXCollections.unmodifiableObservableList(pools);

    // Touched on the UI thread only; the creation itself is used from background work.
    private volatile VmCreation creation;
    private HostContext host;
    private HostSetup setup = HostSetup.of(List.of());
    private Acceleration acceleration = new Acceleration(true, true, "");

    WizardConnection(VmCreation.Ports ports, WizardWork work, WizardAnswers answers, List<String> uris) {
        this.ports = ports;
        this.work = work;
        this.answers = answers;
        connections.setAll(uris);
        answers.isolatedProperty().addListener((obs, old, now) -> {
            applyAccelerationDefault();
            explainIsolation();
        });
        answers.poolProperty().addListener((obs, old, now) -> describePool(now));
        answers.sourceKindProperty().addListener((obs, old, kind) ->
                answers.newVolumeProperty().set(kind != SourceKind.IMPORT && !pools.isEmpty()));
    }

    /** Opens {@code chosen} in the background after {@code beforeChange} let go of the old one's draft. */
    void connect(String chosen, Runnable beforeChange) {
        beforeChange.run();
        close();
        host = null;
        pools.clear();
        isolationExplanation.set("");
        isolationUnavailable.set("");
        pinAvailable.set(false);
        if (chosen == null) {
            return;
        }
        status.set("Connecting to " + chosen + "…");
        work.step(() -> VmCreation.open(ports, chosen), connected -> {
            if (!chosen.equals(uri.get())) {
                connected.close();
            } else {
                opened(connected);
            }
        }, VmCreation::close, failure -> status.set("Could not connect: " + failure));
    }

    private void opened(VmCreation connected) {
        creation = connected;
        host = connected.host();
        setup = connected.setup();
        acceleration = connected.acceleration();
        pools.setAll(setup.choices().stream().map(StoragePoolInfo::name).toList());
        answers.poolProperty().set(pools.isEmpty() ? null : pools.get(0));
        answers.newVolumeProperty().set(!pools.isEmpty() && answers.sourceKindProperty().get() != SourceKind.IMPORT);
        applyAccelerationDefault();
        IsolationModel rules = IsolationModels.of(host);
        explainIsolation();
        isolationUnavailable.set(rules.unavailableReason(host).orElse(""));
        pinAvailable.set(rules.canPin());
        if (!pinAvailable.get()) {
            answers.pinLabelProperty().set(false);
        }
        status.set(host.modelsText() + " · " + rules.title() + " · " + host.enforcement().label());
    }

    /** Emulates by default where KVM would not start this VM, and says why. */
    private void applyAccelerationDefault() {
        boolean emulate = acceleration.emulateByDefault(answers.isolatedProperty().get());
        answers.emulatedProperty().set(emulate);
        emulationNote.set(emulate ? acceleration.reason() : "");
    }

    /** What the box does on this host while ticked; unticked, the shared label the VM would run under instead. */
    private void explainIsolation() {
        if (host == null) {
            isolationExplanation.set("");
        } else if (answers.isolatedProperty().get()) {
            isolationExplanation.set(IsolationModels.of(host).explanation());
        } else {
            // A shared plan reserves nothing in the ledger; it only names the label.
            String shared = IsolationModels.plan(host, false, false, ports.ledgers().forUri(uri.get()), "")
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

    /** Why the first page cannot go on yet: no connection, still connecting, or it failed. */
    Optional<String> problem() {
        if (uri.get() == null) {
            return Optional.of("Choose a connection.");
        }
        return host == null ? Optional.of(status.get().isEmpty() ? "Still connecting…" : status.get())
                : Optional.empty();
    }

    /** Why Isolated, while ticked, cannot be honoured on this host. */
    Optional<String> isolationProblem() {
        return answers.isolatedProperty().get() && !isolationUnavailable.get().isEmpty()
                ? Optional.of("This host cannot isolate the VM: " + isolationUnavailable.get())
                : Optional.empty();
    }

    /** What the host or its pool cannot hold; nothing before the connection is open. */
    Optional<String> onHost(Function<VmCreation, Optional<String>> limit) {
        VmCreation current = creation;
        return current == null ? Optional.empty() : limit.apply(current);
    }

    /** The open connection's creation, or null while none is open. */
    VmCreation creation() {
        return creation;
    }

    /** Closes the wizard's connection in the background; nothing is open afterwards. */
    void close() {
        VmCreation old = creation;
        creation = null;
        if (old != null) {
            work.quietly(old::close);
        }
    }

    ObservableList<String> connections() { return connectionsView; }
    ObjectProperty<String> uriProperty() { return uri; }
    ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    ReadOnlyStringProperty isolationExplanationProperty() { return isolationExplanation.getReadOnlyProperty(); }
    ReadOnlyStringProperty isolationUnavailableProperty() { return isolationUnavailable.getReadOnlyProperty(); }
    ReadOnlyBooleanProperty pinAvailableProperty() { return pinAvailable.getReadOnlyProperty(); }
    ReadOnlyStringProperty emulationNoteProperty() { return emulationNote.getReadOnlyProperty(); }
    ReadOnlyStringProperty poolNoteProperty() { return poolNote.getReadOnlyProperty(); }
    ObservableList<String> pools() { return poolsView; }
    boolean hasPools() { return !pools.isEmpty(); }
}
