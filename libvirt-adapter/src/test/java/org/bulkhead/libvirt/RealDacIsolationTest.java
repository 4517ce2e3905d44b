package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.testing.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Per-VM DAC isolation on a real libvirtd: two QEMU domains with static labels of two
 * different UIDs each own their image while running, and the kernel keeps each out of the other's.
 */
@Tag("real-libvirt")
class RealDacIsolationTest {

    private static final int UID_A = 200001;
    private static final int UID_B = 200002;

    private LibvirtConnection connection;
    private Path imageDir;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        connection = RealLibvirt.open();
        RealLibvirt.requireLocalRoot(connection);
        assertTrue(connection.capabilitiesXml().contains("<model>dac</model>"), "the daemon offers the DAC model");
        imageDir = RealLibvirt.freshImageDir();
    }

    @AfterEach
    void cleanUp() {
        RealLibvirt.cleanUp(connection, created, imageDir);
    }

    @Test
    void eachRunningDomainOwnsItsImageAndCannotReadTheOthers() throws Exception {
        // libvirt-qemu's group, not kvm: QEMU must reach its private dir under /var/lib/libvirt/qemu.
        int qemuGid = Commands.groupId("libvirt-qemu");
        Path imageA = RealLibvirt.qcow2(imageDir.resolve("a.qcow2"));
        Path imageB = RealLibvirt.qcow2(imageDir.resolve("b.qcow2"));
        DomainRecord a = define("a", imageA, UID_A, qemuGid);
        DomainRecord b = define("b", imageB, UID_B, qemuGid);

        connection.start(a.uuid());
        connection.start(b.uuid());

        assertIsolated(a.uuid(), imageA, UID_A, qemuGid, UID_B);
        assertIsolated(b.uuid(), imageB, UID_B, qemuGid, UID_A);

        connection.destroy(a.uuid());
        connection.destroy(b.uuid());
        for (Path image : List.of(imageA, imageB)) {
            assertEquals(0, Files.getAttribute(image, "unix:uid"), "libvirt restores the owner of " + image);
            assertEquals(0, Files.getAttribute(image, "unix:gid"), "libvirt restores the group of " + image);
        }
    }

    private DomainRecord define(String which, Path image, int uid, int gid) {
        String seclabel = "<seclabel type='static' model='dac' relabel='yes'>"
                + "<label>+" + uid + ":+" + gid + "</label></seclabel>";
        DomainRecord domain = connection.define(RealLibvirt.qemuDomain(RealLibvirt.uniqueName(which),
                RealLibvirt.qcow2Disk(image, "vda"), seclabel));
        created.add(domain.uuid());
        return domain;
    }

    private void assertIsolated(String uuid, Path image, int uid, int gid, int otherUid) throws Exception {
        DomainRecord live = connection.listDomains().stream()
                .filter(domain -> domain.uuid().equals(uuid)).findFirst().orElseThrow();
        assertEquals(DomainState.RUNNING, live.state());
        assertTrue(live.xml().contains("<label>+" + uid + ":+" + gid + "</label>"), live.xml());

        long pid = live.pid().orElseThrow(() -> new AssertionError("no QEMU pid for " + live.name()));
        assertEquals(uid, Files.getAttribute(Path.of("/proc", Long.toString(pid)), "unix:uid"),
                "QEMU of " + live.name() + " runs as its own UID");
        assertEquals(uid, Files.getAttribute(image, "unix:uid"), "libvirt chowned " + image);
        assertEquals(gid, Files.getAttribute(image, "unix:gid"), "libvirt chgrped " + image);

        Commands.Result own = readAs(uid, gid, image);
        assertEquals(0, own.exitCode(), "its own UID reads " + image + ": " + own.output());
        Commands.Result other = readAs(otherUid, gid, image);
        assertNotEquals(0, other.exitCode(), "UID " + otherUid + " must not read " + image);
        assertTrue(other.output().contains("Permission denied"), other.output());
    }

    /** Reads the first bytes of the file as that user, with no supplementary groups. */
    private static Commands.Result readAs(int uid, int gid, Path file) {
        return Commands.run("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups",
                "head", "-c", "512", file.toString());
    }
}
