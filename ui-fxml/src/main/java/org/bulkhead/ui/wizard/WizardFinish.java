package org.bulkhead.ui.wizard;

import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.bulkhead.model.provision.ProvisionDraft;
import org.bulkhead.model.provision.ProvisionListener;
import org.bulkhead.model.provision.ProvisionOutcome;
import org.bulkhead.model.provision.ProvisionStep;
import org.bulkhead.model.provision.Verification;
import org.bulkhead.model.provision.VmCreation;

/** Finish: creating the VM with one progress line per step, then the outcome and the labels read back. */
final class WizardFinish {

    private final WizardWork work;
    private final Executor uiThread;

    private final ObservableList<String> progress = FXCollections.observableArrayList();
    private final ObservableList<String> progressView = FXCollections.unmodifiableObservableList(progress);
    private final ReadOnlyStringWrapper outcomeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ProvisionOutcome> outcome = new ReadOnlyObjectWrapper<>();

    /** @param uiThread runs progress updates on the UI thread (Platform::runLater; direct in tests) */
    WizardFinish(WizardWork work, Executor uiThread) {
        this.work = work;
        this.uiThread = uiThread;
    }

    /** Creates the VM {@code draft} describes on {@code creation}'s connection, in the background. */
    void start(VmCreation creation, ProvisionDraft draft) {
        progress.clear();
        outcomeText.set("");
        ProvisionListener listener = (step, state, detail) -> uiThread.execute(() -> showProgress(step, state, detail));
        work.step(() -> creation.finish(draft, listener), this::ended, this::ended,
                failure -> outcomeText.set("Finish stopped unexpectedly: " + failure));
    }

    private void ended(ProvisionOutcome done) {
        outcome.set(done);
        outcomeText.set(describe(done));
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

    ObservableList<String> progress() { return progressView; }
    ReadOnlyStringProperty outcomeTextProperty() { return outcomeText.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<ProvisionOutcome> outcomeProperty() { return outcome.getReadOnlyProperty(); }
}
