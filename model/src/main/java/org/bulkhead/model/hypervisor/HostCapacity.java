package org.bulkhead.model.hypervisor;

/**
 * What the host behind a connection can give all its VMs together, from libvirt's node info.
 *
 * @param memoryBytes the host's physical memory
 * @param cpus        the host's logical CPUs
 */
public record HostCapacity(long memoryBytes, int cpus) {

    public HostCapacity {
        if (memoryBytes <= 0 || cpus <= 0) {
            throw new IllegalArgumentException("A host has some memory and at least one CPU, not "
                    + memoryBytes + " bytes and " + cpus + " CPUs");
        }
    }
}
