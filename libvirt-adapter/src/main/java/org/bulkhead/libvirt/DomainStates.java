package org.bulkhead.libvirt;

import org.bulkhead.model.hypervisor.DomainEvent;
import org.bulkhead.model.hypervisor.DomainState;
import org.libvirt.DomainInfo;
import org.libvirt.event.DomainEventType;

/** libvirt's state and event numbers in the model's terms. */
final class DomainStates {

    private DomainStates() {
    }

    /** From virDomainState as the statistics call reports it ({@code state.state}). */
    static DomainState fromCode(int code) {
        return switch (code) {
            case 1 -> DomainState.RUNNING;
            case 2 -> DomainState.BLOCKED;
            case 3 -> DomainState.PAUSED;
            case 4 -> DomainState.SHUTTING_DOWN;
            case 5 -> DomainState.SHUT_OFF;
            case 6 -> DomainState.CRASHED;
            case 7 -> DomainState.PM_SUSPENDED;
            default -> DomainState.NO_STATE;
        };
    }

    static DomainState fromInfo(DomainInfo.DomainState state) {
        return state == null ? DomainState.NO_STATE : fromCode(state.ordinal());
    }

    static DomainEvent.Kind eventKind(DomainEventType type) {
        if (type == null) {
            return DomainEvent.Kind.OTHER;
        }
        return switch (type) {
            case DEFINED -> DomainEvent.Kind.DEFINED;
            case UNDEFINED -> DomainEvent.Kind.UNDEFINED;
            case STARTED -> DomainEvent.Kind.STARTED;
            case SUSPENDED -> DomainEvent.Kind.SUSPENDED;
            case RESUMED -> DomainEvent.Kind.RESUMED;
            case STOPPED -> DomainEvent.Kind.STOPPED;
            case SHUTDOWN -> DomainEvent.Kind.SHUTDOWN;
            case PMSUSPENDED -> DomainEvent.Kind.PM_SUSPENDED;
            case CRASHED -> DomainEvent.Kind.CRASHED;
            default -> DomainEvent.Kind.OTHER;
        };
    }
}
