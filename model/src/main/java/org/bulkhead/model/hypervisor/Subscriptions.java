package org.bulkhead.model.hypervisor;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Ends the subscriptions the ports hand out ({@link HypervisorConnection#subscribe} and the like). */
public final class Subscriptions {

    private static final Logger LOG = System.getLogger(Subscriptions.class.getName());

    private Subscriptions() {
    }

    /**
     * Closes {@code handle}, if any. Unsubscribing from a connection that is closing or lost
     * cannot fail in a way a user could act on, so a failure is only logged for developers.
     */
    public static void end(AutoCloseable handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "unsubscribing failed", e);
        }
    }
}
