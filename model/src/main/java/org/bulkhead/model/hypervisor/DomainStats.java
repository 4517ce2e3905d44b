package org.bulkhead.model.hypervisor;

/**
 * One sample of a running domain's resource use, from one batched statistics call per
 * connection. {@code cpuTimeNanos} is cumulative; callers difference two samples.
 */
public record DomainStats(String uuid, long sampledAtNanos, long cpuTimeNanos, long memoryKiB,
        long maxMemoryKiB, int vcpus) {
}
