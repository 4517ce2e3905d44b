package org.bulkhead.ui.main;

import java.util.function.Consumer;

import org.bulkhead.model.hypervisor.HypervisorConnection;

/**
 * Runs a call against a connection on that connection's own worker thread, never the caller's.
 * The main view model routes it to the connection's session; tests run it in place.
 */
@FunctionalInterface
public interface ConnectionCalls {

    /**
     * @param uuid    the domain to refresh afterwards
     * @param onError receives the user message of a failure, on any thread
     * @return false when no session is open for {@code uri}, so nothing was run
     */
    boolean perform(String uri, String uuid, Consumer<HypervisorConnection> call, Consumer<String> onError);
}
