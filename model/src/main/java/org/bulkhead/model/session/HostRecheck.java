package org.bulkhead.model.session;

import org.bulkhead.model.host.HostContext;

import java.util.Set;

/**
 * Reads again what decides whether a connection's VMs are enforced (the host's mode, permissive
 * types, profile modes), asking the host and never libvirt, so a session can repeat it every few
 * seconds: {@code setenforce} and policy modules change these without any libvirt event.
 */
@FunctionalInterface
public interface HostRecheck {

    /**
     * @param known          the host as last seen
     * @param domainContexts the SELinux contexts the connection's VMs run under (one per type)
     * @return the host with fresh facts; {@code known} itself when nothing can be re-read
     */
    HostContext recheck(HostContext known, Set<String> domainContexts);
}
