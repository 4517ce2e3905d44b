package org.bulkhead.model.hypervisor;

/** Opens connections to hypervisors by libvirt URI. Implemented by the libvirt adapter. */
public interface Hypervisor {

    /**
     * Opens a connection.
     *
     * @throws HypervisorException naming the URI, why it failed and what to try
     */
    HypervisorConnection open(String uri);
}
