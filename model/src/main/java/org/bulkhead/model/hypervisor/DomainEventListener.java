package org.bulkhead.model.hypervisor;

/**
 * Receives lifecycle events. Called on the adapter's event-loop thread: implementations only
 * translate and enqueue; they never call back into the connection or touch the UI.
 */
@FunctionalInterface
public interface DomainEventListener {
    void onEvent(DomainEvent event);
}
