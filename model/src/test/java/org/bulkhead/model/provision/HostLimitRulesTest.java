package org.bulkhead.model.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalLong;

import org.bulkhead.model.hypervisor.HostCapacity;
import org.bulkhead.model.hypervisor.StoragePoolInfo;
import org.junit.jupiter.api.Test;

class HostLimitRulesTest {

    private static final long GIB = 1024L * 1024 * 1024;
    private static final HostCapacity THREE_GIB_FOUR_CPUS = new HostCapacity(3 * GIB, 4);

    @Test
    void memoryBeyondWhatTheHostHasIsRefusedWithTheHostsFigure() {
        assertEquals(Optional.of("This host has 3072 MiB of memory: give the VM at most 3072 MiB."),
                RequestRules.memoryOnHost(4_000_000, THREE_GIB_FOUR_CPUS));
        assertEquals(Optional.empty(), RequestRules.memoryOnHost(3072, THREE_GIB_FOUR_CPUS));
    }

    @Test
    void moreVirtualCpusThanTheHostHasAreRefused() {
        assertEquals(Optional.of("This host has 4 CPUs: give the VM at most 4 virtual CPUs."),
                RequestRules.vcpusOnHost(5, THREE_GIB_FOUR_CPUS));
        assertEquals(Optional.empty(), RequestRules.vcpusOnHost(4, THREE_GIB_FOUR_CPUS));
    }

    @Test
    void aDiskLargerThanThePoolsFreeSpaceIsRefused() {
        StoragePoolInfo pool = new StoragePoolInfo("default", "dir", Optional.of("/pool"), true,
                OptionalLong.of(100 * GIB));
        assertEquals(Optional.of("The pool 'default' has 100 GiB free: make the new disk at most 100 GiB,"
                + " or choose another pool."), RequestRules.capacityInPool(999_999 * GIB, pool));
        assertEquals(Optional.empty(), RequestRules.capacityInPool(100 * GIB, pool));
    }

    @Test
    void aPoolWhoseFreeSpaceIsUnknownLeavesTheSizeToLibvirt() {
        StoragePoolInfo pool = new StoragePoolInfo("default", "dir", Optional.of("/pool"), false);
        assertTrue(RequestRules.capacityInPool(999_999 * GIB, pool).isEmpty());
    }
}
