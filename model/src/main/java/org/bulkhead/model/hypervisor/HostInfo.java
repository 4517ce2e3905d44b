package org.bulkhead.model.hypervisor;

/**
 * The host behind a connection. {@code local} is true when the hypervisor runs on this machine,
 * so its files and processes can be inspected directly.
 */
public record HostInfo(String uri, String hostname, String hypervisorType, String hypervisorVersion,
        String libvirtVersion, boolean local) {
}
