package org.bulkhead.model.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Each VM's trail from one reading of the lab's audit log, and what an unreadable log gives. */
class DenialTrailsTest {

    private static final List<DenialTrails.Vm> LAB = List.of(
            new DenialTrails.Vm("web", Optional.of("system_u:system_r:svirt_t:s0:c170,c391"),
                    Optional.of("system_u:object_r:svirt_image_t:s0:c170,c391")),
            new DenialTrails.Vm("db", Optional.of("system_u:system_r:svirt_t:s0:c440,c588"),
                    Optional.of("system_u:object_r:svirt_image_t:s0:c440,c588")),
            new DenialTrails.Vm("unlabelled", Optional.empty(), Optional.empty()));

    private static AuditReading lab() throws IOException {
        try (InputStream in = DenialTrailsTest.class.getResourceAsStream("lab-selinux-avc-events.log")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return new AuditReading.Lines(lines, 0, 1000);
        }
    }

    @Test
    void theCrossVmOpenIsInBothVmsTrailsNamingWhoseImageItWas() throws IOException {
        DenialTrails trails = DenialTrails.of(lab(), LAB);
        DenialTrail web = trails.of("web").orElseThrow();
        DenialTrail db = trails.of("db").orElseThrow();
        DenialTrail.Entry byWeb = web.entries().stream().filter(e -> e.denial().eventId().equals("1796050873.064:644"))
                .findFirst().orElseThrow();
        DenialTrail.Entry onDb = db.entries().stream().filter(e -> e.denial().eventId().equals("1796050873.064:644"))
                .findFirst().orElseThrow();
        assertEquals(DenialTrail.Role.BY_THIS_VM, byWeb.role());
        assertEquals(DenialTrail.Role.ON_THIS_VM, onDb.role());
        assertEquals(Optional.of("db"), trails.whose(byWeb.denial()));
        assertTrue(byWeb.explanation().startsWith("web tried to"), byWeb.explanation());
        assertTrue(onDb.explanation().startsWith("web tried to"), "the actor is named in db's trail too: "
                + onDb.explanation());
        assertEquals(List.of(), trails.of("unlabelled").orElseThrow().entries());
    }

    @Test
    void aRefusedReadNamingOnlyTheFilesLastComponentShowsItsWholePathAndWhyTheCallFailed() throws IOException {
        // The lab's refused open: the AVC says name="bulkhead-lab-bd93abad-a.qcow2" (no PATH record),
        // the SYSCALL success=no exit=-13. db's disk of that name gives the whole path.
        String image = "/var/lib/libvirt/images/bulkhead-lab-bd93abad-a.qcow2";
        List<DenialTrails.Vm> vms = List.of(
                new DenialTrails.Vm("web", LAB.get(0).label(), LAB.get(0).imageLabel(),
                        List.of("/var/lib/libvirt/images/bulkhead-lab-bd93abad-b.qcow2")),
                new DenialTrails.Vm("db", LAB.get(1).label(), LAB.get(1).imageLabel(), List.of("/iso/x.iso", image)));
        DenialTrails trails = DenialTrails.of(lab(), vms);
        DenialTrail.Entry byWeb = trails.of("web").orElseThrow().entries().stream()
                .filter(e -> e.denial().eventId().equals("1796050873.064:644")).findFirst().orElseThrow();

        assertEquals(Optional.of(image), byWeb.denial().object());
        assertEquals(Optional.of("EACCES (permission denied)"), byWeb.denial().failure());
        assertEquals("web tried to read db's file '" + image + "'; refused by SELinux, the call failing with EACCES"
                + " (permission denied): isolation held; nothing to do unless web should use it (then give the disk"
                + " to both as shareable).", byWeb.explanation());
        assertEquals(Optional.of("bulkhead-lab-bd93abad-a.qcow2"), DenialTrails.of(lab(), LAB).of("web").orElseThrow()
                .entries().stream().filter(e -> e.denial().eventId().equals("1796050873.064:644")).findFirst()
                .orElseThrow().denial().object(), "without db's disks the name stays as the kernel wrote it");
    }

    @Test
    void anUnreadableLogGivesNoTrailsAndSaysWhyNeverAnEmptyTrail() {
        DenialTrails trails = DenialTrails.of(new AuditReading.Unreadable("permission denied"), LAB);
        assertEquals(Optional.of("permission denied"), trails.unreadable());
        assertEquals(Optional.empty(), trails.of("web"));
    }
}
