package org.bulkhead.ui.main;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.ui.common.Confirmation;

/**
 * What the user can do to a domain from the main window, when each action makes sense, and
 * what to say when it fails. Deleting is separate ({@link DomainActions#delete()}) because it
 * asks about storage too.
 */
public enum LifecycleAction {
    START("Start", "start", s -> !s.isActive(), HypervisorConnection::start, null,
            "Open the domain's details: a missing disk file or a label the host refuses is the usual cause."),
    SHUT_DOWN("Shut down", "shut down", s -> s == DomainState.RUNNING || s == DomainState.BLOCKED,
            HypervisorConnection::shutdown, null,
            "The guest decides whether to honour a shutdown request; if it keeps running, use Force off."),
    FORCE_OFF("Force off", "force off", DomainState::isActive, HypervisorConnection::destroy,
            "This stops the VM at once, like pulling the power plug: unsaved work in the guest is lost "
                    + "and its file systems may need repair.",
            "Refresh (F5) to see the domain's current state; if it is still running, try again."),
    PAUSE("Pause", "pause", s -> s == DomainState.RUNNING || s == DomainState.BLOCKED,
            HypervisorConnection::suspend, null,
            "Refresh (F5) to see the domain's current state, then try again."),
    RESUME("Resume", "resume", s -> s == DomainState.PAUSED, HypervisorConnection::resume, null,
            "Refresh (F5) to see the domain's current state, then try again."),
    REBOOT("Reboot", "reboot", s -> s == DomainState.RUNNING || s == DomainState.BLOCKED,
            HypervisorConnection::reboot, null,
            "The guest decides whether to honour a reboot request; Force off and Start always work.");

    private final String label;
    private final String verb;
    private final Predicate<DomainState> allowed;
    private final BiConsumer<HypervisorConnection, String> call;
    // What the user loses; null for actions that need no confirmation.
    private final String consequence;
    private final String whatToDo;

    LifecycleAction(String label, String verb, Predicate<DomainState> allowed,
            BiConsumer<HypervisorConnection, String> call, String consequence, String whatToDo) {
        this.label = label;
        this.verb = verb;
        this.allowed = allowed;
        this.call = call;
        this.consequence = consequence;
        this.whatToDo = whatToDo;
    }

    /** The menu and button text. */
    public String label() {
        return label;
    }

    /** The verb in messages, e.g. "Could not force off …". */
    public String verb() {
        return verb;
    }

    public boolean allowedIn(DomainState state) {
        return allowed.test(state);
    }

    /** Runs the action; call it only on the connection's worker thread. */
    void apply(HypervisorConnection connection, String uuid) {
        call.accept(connection, uuid);
    }

    /** The question to ask first, for actions that lose the guest's unsaved work. */
    Optional<Confirmation> confirmation(String domainName) {
        if (consequence == null) {
            return Optional.empty();
        }
        return Optional.of(new Confirmation(label, label + " “" + domainName + "”?", consequence, label));
    }

    String whatToDo() {
        return whatToDo;
    }
}
