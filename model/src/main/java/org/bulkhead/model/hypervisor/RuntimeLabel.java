package org.bulkhead.model.hypervisor;

/**
 * The primary security label of a running domain as libvirt reports it at run time
 * (virDomainGetSecurityLabel): the label and whether the host enforces it. This is the only
 * source of "enforcing" for a remote host, and of the label of domains whose XML carries none
 * (libvirt's test driver reports {@code libvirt-test} this way).
 */
public record RuntimeLabel(String label, boolean enforcing) {
}
