package org.bulkhead.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bulkhead.model.hypervisor.DeletedStorage;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.testing.InMemoryHypervisor;
import org.bulkhead.model.testing.ScriptedHypervisor;
import org.bulkhead.ui.common.Confirmation;
import org.bulkhead.ui.common.DialogService;
import org.bulkhead.ui.common.Problem;
import org.junit.jupiter.api.Test;

/** Lifecycle actions without a toolkit: scripted dialog answers, an in-memory host that records calls. */
class DomainActionsTest {

    private static final String UUID = "00000000-0000-0000-0000-0000000000aa";

    private final InMemoryHypervisor host = new InMemoryHypervisor();
    private final ScriptedHypervisor hypervisor = new ScriptedHypervisor(host);
    private final HypervisorConnection connection = hypervisor.open(InMemoryHypervisor.URI);
    private final List<String> calls = hypervisor.callLog();
    private final List<Confirmation> asked = new ArrayList<>();
    private final List<Problem> errors = new ArrayList<>();
    private final List<String> told = new ArrayList<>();
    private boolean answer;
    private Optional<Boolean> deleteAnswer = Optional.empty();
    private String failure;

    private final DialogService dialogs = new DialogService() {
        @Override
        public boolean confirm(Confirmation confirmation) {
            asked.add(confirmation);
            return answer;
        }

        @Override
        public Optional<Boolean> confirmDeletion(String domainName, String connectionUri, List<String> volumes) {
            asked.add(new Confirmation("Delete", domainName, String.join(",", volumes), "Delete"));
            return deleteAnswer;
        }

        @Override
        public void inform(String title, String header, String text) {
            told.add(header + "\n" + text);
        }

        @Override
        public void showError(Problem problem) {
            errors.add(problem);
        }
    };

    private final DomainActions actions = new DomainActions((uri, uuid, call, onError) -> {
        if (failure != null) {
            onError.accept(failure);
        } else {
            call.accept(connection);
        }
        return true;
    }, dialogs, Runnable::run);

    private DomainRow select(DomainState state) {
        host.put(InMemoryHypervisor.domain(UUID, "web", state));
        DomainRow row = new DomainRow(Snapshots.domain(UUID, "web", state, "s0:c1,c2"));
        actions.selectedProperty().set(row);
        return row;
    }

    @Test
    void onlyTheActionsThatFitTheStateAreEnabled() {
        select(DomainState.RUNNING);
        assertFalse(actions.enabledProperty(LifecycleAction.START).get());
        assertTrue(actions.enabledProperty(LifecycleAction.SHUT_DOWN).get());
        assertTrue(actions.enabledProperty(LifecycleAction.PAUSE).get());
        assertFalse(actions.enabledProperty(LifecycleAction.RESUME).get());
        assertTrue(actions.canDeleteProperty().get(), "a running domain can be deleted: it is forced off first");

        select(DomainState.PAUSED);
        assertTrue(actions.enabledProperty(LifecycleAction.RESUME).get());
        assertTrue(actions.enabledProperty(LifecycleAction.FORCE_OFF).get());

        select(DomainState.SHUT_OFF);
        assertTrue(actions.enabledProperty(LifecycleAction.START).get());
        assertFalse(actions.enabledProperty(LifecycleAction.FORCE_OFF).get());
        assertTrue(actions.canDeleteProperty().get());
    }

    @Test
    void nothingIsPossibleOnAStaleRow() {
        DomainRow row = select(DomainState.SHUT_OFF);
        row.setStale(true);
        for (LifecycleAction action : LifecycleAction.values()) {
            assertFalse(actions.enabledProperty(action).get(), action.name());
        }
        assertFalse(actions.canDeleteProperty().get());
        actions.perform(LifecycleAction.START);
        assertEquals(List.of(), calls);
    }

    @Test
    void forceOffAsksFirstAndDoesNothingWhenCancelled() {
        select(DomainState.RUNNING);
        answer = false;
        actions.perform(LifecycleAction.FORCE_OFF);
        assertEquals(1, asked.size());
        assertEquals("Force off “web”?", asked.get(0).question());
        assertEquals("Force off", asked.get(0).action(), "the button names the action, not OK");
        assertEquals(List.of(), calls);

        answer = true;
        actions.perform(LifecycleAction.FORCE_OFF);
        assertEquals(List.of("destroy[" + UUID + "]"), calls);
    }

    @Test
    void startAndPauseRunWithoutAsking() {
        select(DomainState.SHUT_OFF);
        actions.perform(LifecycleAction.START);
        select(DomainState.RUNNING);
        actions.perform(LifecycleAction.PAUSE);
        assertEquals(List.of(), asked);
        assertEquals(List.of("start[" + UUID + "]", "suspend[" + UUID + "]"), calls);
    }

    @Test
    void deleteOffersTheDiskImagesAndPassesTheStorageChoice() {
        select(DomainState.SHUT_OFF);
        actions.delete();
        assertEquals("/images/web.qcow2", asked.get(0).consequence(), "the files 'with storage' would remove");
        assertEquals(List.of(), calls, "cancelled");

        deleteAnswer = Optional.of(true);
        actions.delete();
        assertEquals(List.of("undefineWithStorage[" + UUID + "]"), calls);
        assertEquals(List.of("Deleted “web” and its storage.\nIt had no disk image of its own, so no file was deleted."),
                told, "the user is told what became of the files");
        select(DomainState.SHUT_OFF);
        deleteAnswer = Optional.of(false);
        actions.delete();
        assertEquals(List.of("undefineWithStorage[" + UUID + "]", "undefine[" + UUID + ", false]"), calls);
    }

    @Test
    void deleteOnARunningVmSaysWhyAndOffersToForceItOffFirstThenDeletes() {
        select(DomainState.RUNNING);
        answer = false;
        actions.delete();
        assertEquals(1, asked.size(), "only the force-off question, no deletion question yet");
        assertTrue(asked.get(0).question().contains("“web” is running"), asked.get(0).question());
        assertTrue(asked.get(0).consequence().contains("cannot be deleted"), asked.get(0).consequence());
        assertEquals("Force off first", asked.get(0).action());
        assertEquals(List.of(), calls, "declined: nothing happens");

        answer = true;
        deleteAnswer = Optional.of(false);
        actions.delete();
        assertEquals(List.of("domain[" + UUID + "]", "destroy[" + UUID + "]", "undefine[" + UUID + ", false]"), calls,
                "forced off, then deleted");
    }

    @Test
    void theReportOfADeletionNamesEachFileDeletedAndEachKeptWithTheReason() {
        String text = DomainActions.deletedFiles(new DeletedStorage(List.of("/pool/web.qcow2"),
                List.of(new DeletedStorage.Kept("/srv/web-data.img", DeletedStorage.NOT_IN_A_POOL))));
        assertEquals("Deleted:\n  /pool/web.qcow2\n\nNot deleted:\n  /srv/web-data.img: " + DeletedStorage.NOT_IN_A_POOL,
                text);
        assertEquals("Deleted “web”; one file was not deleted.", DomainActions.deletedHeader("web",
                new DeletedStorage(List.of(), List.of(new DeletedStorage.Kept("/srv/a", "permission denied")))));
    }

    @Test
    void aFailureBecomesOneProblemSayingWhatFailedWhyAndWhatToDo() {
        select(DomainState.RUNNING);
        failure = "Requested operation is not valid: domain is not running";
        actions.perform(LifecycleAction.REBOOT);
        assertEquals(1, errors.size());
        Problem problem = errors.get(0);
        assertEquals("Reboot failed", problem.title());
        assertTrue(problem.toString().contains("Could not reboot “web” on " + Snapshots.URI), problem.toString());
        assertTrue(problem.toString().contains(failure), problem.toString());
        assertTrue(problem.toString().contains("Force off and Start always work"), problem.toString());
    }
}
