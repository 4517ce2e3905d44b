package org.bulkhead.model.session;

import org.bulkhead.model.audit.AuditReading;
import org.bulkhead.model.host.HostContext;

/**
 * Where a connection's audit log is read: the host facts port of that host (this machine, or
 * over ssh), from a byte offset. A host without one answers {@link AuditReading.Unreadable}
 * with the reason, never an empty reading.
 */
@FunctionalInterface
public interface AuditSource {

    AuditReading read(HostContext host, long offset);
}
