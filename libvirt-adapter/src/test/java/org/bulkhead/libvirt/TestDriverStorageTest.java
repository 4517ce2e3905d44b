package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bulkhead.model.hypervisor.DeletedStorage;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.hypervisor.StorageVolume;
import org.bulkhead.model.hypervisor.VolumeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Volumes in the test driver's {@code default-pool}. */
class TestDriverStorageTest {

    private static final String POOL = "default-pool";
    private static final long MIB = 1024 * 1024;

    private LibvirtConnection connection;

    @BeforeEach
    void open() {
        connection = new LibvirtHypervisor().open("test:///default");
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void theRunningPoolReportsItsFreeSpaceAndTheHostItsMemoryAndCpus() {
        var pool = connection.storagePools().stream().filter(p -> p.name().equals(POOL)).findFirst().orElseThrow();
        assertTrue(pool.availableBytes().isPresent(), pool.toString());
        assertTrue(pool.availableBytes().getAsLong() > 0, pool.toString());

        var host = connection.hostCapacity().orElseThrow();
        assertEquals(3L * 1024 * 1024 * 1024, host.memoryBytes(), "test:///default is a host with 3 GiB");
        assertEquals(16, host.cpus(), "and 16 CPUs");
    }

    @Test
    void aVolumeWithAHostileNameIsCreatedAndDeleted() {
        String name = "a'b<c&d \"e\" " + TestDomains.uniqueName("vol");
        StorageVolume volume = connection.createVolume(new VolumeRequest(POOL, name, 16 * MIB, "qcow2", 0600));

        assertEquals(name, volume.name());
        assertEquals("/default-pool/" + name, volume.path());
        assertEquals(16 * MIB, volume.capacityBytes());
        assertEquals("qcow2", volume.format());

        connection.deleteVolume(volume.path());
        HypervisorException e = assertThrows(HypervisorException.class, () -> connection.deleteVolume(volume.path()));
        assertTrue(e.getMessage().startsWith("Could not delete volume " + volume.path()), e.getMessage());
    }

    @Test
    void aMissingPoolIsNamed() {
        HypervisorException e = assertThrows(HypervisorException.class, () -> connection.createVolume(
                new VolumeRequest("no-such-pool", "disk", MIB, "raw", -1)));
        assertTrue(e.getMessage().startsWith("Could not create volume 'disk' in pool 'no-such-pool'"), e.getMessage());
        assertEquals("Check that the storage pool exists and is active", e.hint());
    }

    @Test
    void undefiningWithStorageDeletesOnlyTheDomainsOwnReadWriteVolumes() {
        String prefix = TestDomains.uniqueName("owned");
        StorageVolume own = volume(prefix + "-own");
        StorageVolume readOnly = volume(prefix + "-readonly");
        StorageVolume shared = volume(prefix + "-shared");
        StorageVolume cdrom = volume(prefix + "-cdrom");
        String devices = disk("disk", own.path(), "vda", "")
                + disk("disk", readOnly.path(), "vdb", "<readonly/>")
                + disk("disk", shared.path(), "vdc", "<shareable/>")
                + disk("cdrom", cdrom.path(), "hdc", "<readonly/>")
                + disk("disk", "/elsewhere/not-in-a-pool.img", "vdd", "");
        DomainRecord domain = connection.define(TestDomains.testDriver(prefix, devices));

        connection.undefine(domain.uuid(), true);

        assertTrue(connection.domain(domain.uuid()).isEmpty());
        assertThrows(HypervisorException.class, () -> connection.deleteVolume(own.path()), "already deleted");
        for (StorageVolume kept : new StorageVolume[] {readOnly, shared, cdrom}) {
            connection.deleteVolume(kept.path()); // still there, so this succeeds
        }
    }

    @Test
    void deletingWithStorageSaysWhichFilesWentAndWhichStayedAndWhy() {
        String prefix = TestDomains.uniqueName("report");
        StorageVolume own = volume(prefix + "-own");
        StorageVolume readOnly = volume(prefix + "-readonly");
        DomainRecord domain = connection.define(TestDomains.testDriver(prefix, disk("disk", own.path(), "vda", "")
                + disk("disk", readOnly.path(), "vdb", "<readonly/>")
                + disk("disk", "/elsewhere/not-in-a-pool.img", "vdd", "")));

        DeletedStorage result = connection.undefineWithStorage(domain.uuid());

        assertTrue(connection.domain(domain.uuid()).isEmpty(), "the domain is gone");
        assertEquals(java.util.List.of(own.path()), result.deleted());
        assertEquals(java.util.List.of(new DeletedStorage.Kept("/elsewhere/not-in-a-pool.img",
                DeletedStorage.NOT_IN_A_POOL)), result.kept(), "a read-only disk is not the domain's own to report");
        connection.deleteVolume(readOnly.path());
    }

    @Test
    void aRunningDomainIsNotDeletedWithItsStorage() {
        StorageVolume own = volume(TestDomains.uniqueName("busy"));
        DomainRecord domain = connection.define(TestDomains.testDriver(TestDomains.uniqueName("busy"),
                disk("disk", own.path(), "vda", "")));
        connection.start(domain.uuid());
        try {
            HypervisorException e = assertThrows(HypervisorException.class, () -> connection.undefine(domain.uuid(), true));
            assertTrue(e.getMessage().contains("still running"), e.getMessage());
        } finally {
            connection.destroy(domain.uuid());
            connection.undefine(domain.uuid(), false);
            connection.deleteVolume(own.path());
        }
    }

    private StorageVolume volume(String name) {
        return connection.createVolume(new VolumeRequest(POOL, name, MIB, "raw", 0600));
    }

    private static String disk(String device, String path, String target, String extra) {
        return "<disk type='file' device='" + device + "'><source file='" + TestDomains.escape(path) + "'/>"
                + "<target dev='" + target + "'/>" + extra + "</disk>";
    }
}
