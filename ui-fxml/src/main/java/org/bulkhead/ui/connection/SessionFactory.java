package org.bulkhead.ui.connection;

import org.bulkhead.model.session.ConnectionSession;

/**
 * Creates the session for a connection URI, not yet opened. The application wires the real
 * hypervisor and inspector in; the UI only decides when to open and close sessions.
 */
@FunctionalInterface
public interface SessionFactory {
    ConnectionSession create(String uri);
}
