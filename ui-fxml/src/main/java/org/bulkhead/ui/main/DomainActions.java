package org.bulkhead.ui.main;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

import org.bulkhead.model.domain.Disk;
import org.bulkhead.model.hypervisor.DeletedStorage;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.store.DomainSnapshot;
import org.bulkhead.ui.common.Confirmation;
import org.bulkhead.ui.common.DialogService;
import org.bulkhead.ui.common.Problem;

/**
 * Lifecycle actions on the selected domain: which are possible now, the confirmation before a
 * destructive one, and a clear dialog when one fails. The call itself runs on the connection's
 * worker thread; the window learns the outcome from libvirt's events like any other change.
 */
public final class DomainActions {

    private final ConnectionCalls calls;
    private final DialogService dialogs;
    private final Executor ui;
    private final ObjectProperty<DomainRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final Map<LifecycleAction, ReadOnlyBooleanWrapper> enabled = new EnumMap<>(LifecycleAction.class);
    private final ReadOnlyBooleanWrapper canDelete = new ReadOnlyBooleanWrapper(this, "canDelete");
    private final ReadOnlyBooleanWrapper hasSelection = new ReadOnlyBooleanWrapper(this, "hasSelection");
    private final InvalidationListener rowChanged = obs -> recompute();

    /**
     * @param calls runs a call on the domain's connection
     * @param ui    where failure dialogs are shown (the FX thread)
     */
    public DomainActions(ConnectionCalls calls, DialogService dialogs, Executor ui) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.ui = Objects.requireNonNull(ui, "ui");
        for (LifecycleAction action : LifecycleAction.values()) {
            enabled.put(action, new ReadOnlyBooleanWrapper(this, action.name()));
        }
        selected.addListener((obs, old, now) -> {
            if (old != null) {
                old.snapshotProperty().removeListener(rowChanged);
                old.staleProperty().removeListener(rowChanged);
            }
            if (now != null) {
                now.snapshotProperty().addListener(rowChanged);
                now.staleProperty().addListener(rowChanged);
            }
            recompute();
        });
    }

    /** The domain the actions apply to; the view binds it to the table's selection. */
    public ObjectProperty<DomainRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty enabledProperty(LifecycleAction action) {
        return enabled.get(action).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canDeleteProperty() {
        return canDelete.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasSelectionProperty() {
        return hasSelection.getReadOnlyProperty();
    }

    private void recompute() {
        DomainRow row = selected.get();
        boolean usable = row != null && !row.isStale();
        hasSelection.set(row != null);
        enabled.forEach((action, flag) -> flag.set(usable && action.allowedIn(row.state())));
        // A running domain may be deleted too: delete() offers to force it off first.
        canDelete.set(usable);
    }

    /** Runs the action on the selected domain, after a confirmation where it is destructive. */
    public void perform(LifecycleAction action) {
        DomainRow row = selected.get();
        if (row == null || !enabled.get(action).get()) {
            return;
        }
        String name = row.name();
        Optional<Confirmation> question = action.confirmation(name);
        if (question.isPresent() && !dialogs.confirm(question.get())) {
            return;
        }
        String uuid = row.key().uuid();
        String uri = row.connectionUri();
        run(uri, uuid, connection -> action.apply(connection, uuid), message -> new Problem(
                action.label() + " failed",
                "Could not " + action.verb() + " “" + name + "” on " + uri + ".",
                message, action.whatToDo()));
    }

    /**
     * Deletes the selected domain after asking whether its storage goes too. A running one is
     * offered a force off first, since libvirt would only make it transient; after deleting
     * storage the user is told which files went and which stayed, and why.
     */
    public void delete() {
        DomainRow row = selected.get();
        if (row == null || !canDelete.get()) {
            return;
        }
        String name = row.name();
        String uri = row.connectionUri();
        String uuid = row.key().uuid();
        boolean running = row.state().isActive();
        if (running && !dialogs.confirm(forceOffFirst(name))) {
            return;
        }
        Optional<Boolean> withStorage = dialogs.confirmDeletion(name, uri, deletableVolumes(row.snapshot()));
        if (withStorage.isEmpty()) {
            return;
        }
        boolean storage = withStorage.get();
        run(uri, uuid, connection -> {
            if (running && connection.domain(uuid).map(d -> d.state().isActive()).orElse(false)) {
                connection.destroy(uuid);
            }
            if (storage) {
                DeletedStorage result = connection.undefineWithStorage(uuid);
                ui.execute(() -> dialogs.inform("Domain deleted", deletedHeader(name, result), deletedFiles(result)));
            } else {
                connection.undefine(uuid, false);
            }
        }, message -> new Problem(
                "Delete failed",
                "Could not " + (running ? "force off and " : "") + "delete “" + name + "”"
                        + (storage ? " and its storage" : "") + " on " + uri + ".",
                message,
                storage ? "If only a volume could not be removed, delete that file by hand; the message above names it."
                        : "Refresh (F5): if the domain is still listed, stop it and try again."));
    }

    static Confirmation forceOffFirst(String name) {
        return new Confirmation("Delete a running VM", "“" + name + "” is running. Force it off, then delete it?",
                "A running VM cannot be deleted: libvirt would only make it temporary, gone when it next stops,"
                        + " with its disks still in use. Force off stops it at once, like pulling the power plug:"
                        + " unsaved work in the guest is lost. What to delete is asked next.", "Force off first");
    }

    static String deletedHeader(String name, DeletedStorage result) {
        return result.kept().isEmpty() ? "Deleted “" + name + "” and its storage."
                : "Deleted “" + name + "”; " + (result.kept().size() == 1 ? "one file was" : result.kept().size()
                        + " files were") + " not deleted.";
    }

    /** Each image: deleted, or kept and why. */
    static String deletedFiles(DeletedStorage result) {
        if (result.deleted().isEmpty() && result.kept().isEmpty()) {
            return "It had no disk image of its own, so no file was deleted.";
        }
        StringBuilder text = new StringBuilder();
        if (!result.deleted().isEmpty()) {
            text.append("Deleted:\n");
            result.deleted().forEach(file -> text.append("  ").append(file).append('\n'));
        }
        if (!result.kept().isEmpty()) {
            text.append(text.isEmpty() ? "" : "\n").append("Not deleted:\n");
            result.kept().forEach(kept -> text.append("  ").append(kept.file()).append(": ").append(kept.reason())
                    .append('\n'));
        }
        return text.toString().strip();
    }

    /** The read-write disk images "delete with storage" removes (libvirt deletes only pool volumes). */
    static List<String> deletableVolumes(DomainSnapshot snapshot) {
        return snapshot.spec().disks().stream().filter(Disk::belongsToDomainAlone).map(Disk::source)
                .flatMap(Optional::stream).toList();
    }

    private void run(String uri, String uuid, Consumer<HypervisorConnection> call, Function<String, Problem> problem) {
        boolean started = calls.perform(uri, uuid, call,
                message -> ui.execute(() -> dialogs.showError(problem.apply(message))));
        if (!started) {
            dialogs.showError(problem.apply("The connection " + uri + " is closed."));
        }
    }
}
