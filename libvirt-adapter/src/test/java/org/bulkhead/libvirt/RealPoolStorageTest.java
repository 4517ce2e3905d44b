package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.bulkhead.model.hypervisor.DeletedStorage;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.StorageVolume;
import org.bulkhead.model.hypervisor.VolumeRequest;
import org.bulkhead.model.testing.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Volumes in a real {@code dir} pool that the test defines and removes again. */
@Tag("real-libvirt")
class RealPoolStorageTest {

    private static final long MIB = 1024 * 1024;

    private LibvirtConnection connection;
    private Path poolDir;
    private String pool;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        connection = RealLibvirt.open();
        RealLibvirt.requireLocalRoot(connection);
        poolDir = RealLibvirt.freshImageDir();
        pool = poolDir.getFileName().toString();
        virsh("pool-define-as", pool, "dir", "--target", poolDir.toString());
        virsh("pool-start", pool);
    }

    @AfterEach
    void cleanUp() {
        try {
            if (connection != null && pool != null) {
                // Either may fail because setUp stopped early; the folder goes regardless.
                Commands.run("virsh", "-c", connection.uri(), "pool-destroy", pool);
                Commands.run("virsh", "-c", connection.uri(), "pool-undefine", pool);
            }
        } finally {
            RealLibvirt.cleanUp(connection, created, poolDir);
        }
    }

    @Test
    void aQcow2VolumeIsCreatedWithTheRequestedMode() throws Exception {
        StorageVolume volume = connection.createVolume(new VolumeRequest(pool, "isolated.qcow2", 16 * MIB, "qcow2", 0600));

        Path file = Path.of(volume.path());
        assertEquals(poolDir.resolve("isolated.qcow2"), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(16 * MIB, volume.capacityBytes());
        Commands.Result info = Commands.run("qemu-img", "info", file.toString());
        assertTrue(info.output().contains("file format: qcow2"), info.output());

        connection.deleteVolume(volume.path());
        assertFalse(Files.exists(file));
    }

    @Test
    void undefiningWithStorageDeletesTheWritableImageAndKeepsTheReadOnlyOne() throws Exception {
        StorageVolume own = connection.createVolume(new VolumeRequest(pool, "own.qcow2", 16 * MIB, "qcow2", 0600));
        StorageVolume shared = connection.createVolume(new VolumeRequest(pool, "base.img", MIB, "raw", 0644));
        String devices = RealLibvirt.qcow2Disk(Path.of(own.path()), "vda")
                + "<disk type='file' device='disk'><driver name='qemu' type='raw'/>"
                + "<source file='" + shared.path() + "'/><target dev='vdb' bus='virtio'/><readonly/></disk>";
        DomainRecord domain = connection.define(RealLibvirt.qemuDomain(RealLibvirt.uniqueName("owner"), devices, ""));
        created.add(domain.uuid());

        connection.undefine(domain.uuid(), true);

        assertTrue(connection.domain(domain.uuid()).isEmpty());
        assertFalse(Files.exists(Path.of(own.path())), "the domain's own image went with it");
        assertTrue(Files.exists(Path.of(shared.path())), "a read-only image may serve others and stays");
        connection.deleteVolume(shared.path());
    }

    @Test
    void deletingWithStorageReportsTheImageDeletedAndTheFileOutsideAnyPoolKept() throws Exception {
        StorageVolume own = connection.createVolume(new VolumeRequest(pool, "own.qcow2", 16 * MIB, "qcow2", 0600));
        Path outside = RealLibvirt.freshImageDir();
        Path data = RealLibvirt.qcow2(outside.resolve("data.qcow2"));
        try {
            DomainRecord domain = connection.define(RealLibvirt.qemuDomain(RealLibvirt.uniqueName("report"),
                    RealLibvirt.qcow2Disk(Path.of(own.path()), "vda") + RealLibvirt.qcow2Disk(data, "vdb"), ""));
            created.add(domain.uuid());

            DeletedStorage result = connection.undefineWithStorage(domain.uuid());

            assertTrue(connection.domain(domain.uuid()).isEmpty());
            assertEquals(List.of(own.path()), result.deleted());
            assertFalse(Files.exists(Path.of(own.path())), "the pool's image is gone from the disk");
            assertEquals(List.of(new DeletedStorage.Kept(data.toString(), DeletedStorage.NOT_IN_A_POOL)), result.kept());
            assertTrue(Files.exists(data), "a file no pool holds is left where it was");
        } finally {
            Files.deleteIfExists(data);
            Files.deleteIfExists(outside);
        }
    }

    private void virsh(String... arguments) {
        List<String> command = new ArrayList<>(List.of("virsh", "-c", connection.uri()));
        command.addAll(List.of(arguments));
        Commands.Result result = Commands.run(command.toArray(String[]::new));
        assertEquals(0, result.exitCode(), String.join(" ", command) + ": " + result.output());
    }
}
