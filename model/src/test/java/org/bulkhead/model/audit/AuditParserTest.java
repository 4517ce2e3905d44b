package org.bulkhead.model.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The audit parser on records captured from the SELinux lab (scripts/lab: one VM's QEMU asked
 * over QMP to open the other's image, libvirtd running as a permissive type), kept in
 * lab-selinux-avc-events.log: every event with an AVC or VIRT_MACHINE_ID record, whole.
 */
class AuditParserTest {

    private static final String A = "system_u:system_r:svirt_t:s0:c440,c588";
    private static final String B = "system_u:system_r:svirt_t:s0:c170,c391";
    private static final String IMAGE_A = "system_u:object_r:svirt_image_t:s0:c440,c588";
    private static final String IMAGE_B = "system_u:object_r:svirt_image_t:s0:c170,c391";

    private static List<String> labLines() throws IOException {
        try (InputStream in = AuditParserTest.class.getResourceAsStream("lab-selinux-avc-events.log")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void everyCapturedLineParsesAndRecordsOfOneEventAreGroupedTogether() throws IOException {
        List<String> skipped = new ArrayList<>();
        List<AuditEvent> events = AuditEvent.group(labLines(), skipped);
        assertEquals(List.of(), skipped);
        assertEquals(labLines().size(), events.stream().mapToInt(e -> e.records().size()).sum());
        AuditEvent crossVm = events.stream().filter(e -> e.id().equals("1796050873.064:644")).findFirst().orElseThrow();
        assertEquals(List.of("AVC", "SYSCALL", "PROCTITLE"), crossVm.records().stream().map(AuditRecord::type).toList());
    }

    @Test
    void hexEncodedProctitleIsDecodedWithItsArgumentsSeparated() throws IOException {
        AuditEvent crossVm = AuditEvent.group(labLines(), null).stream()
                .filter(e -> e.id().equals("1796050873.064:644")).findFirst().orElseThrow();
        String proctitle = crossVm.first("PROCTITLE").orElseThrow().fields().get("proctitle");
        assertTrue(proctitle.startsWith("/usr/bin/qemu-system-x86_64 -name guest=bulkhead-lab-bd93abad-b"), proctitle);
        // Quoted values keep their text; the SYSCALL's exe is quoted in the log.
        assertEquals("/usr/bin/qemu-system-x86_64", crossVm.first("SYSCALL").orElseThrow().fields().get("exe"));
    }

    @Test
    void oneVmsQemuRefusedTheOthersImageIsAnEnforcedDenialNamingBoth() throws IOException {
        List<Denial> denials = Denial.from(AuditEvent.group(labLines(), null));
        Denial crossVm = denials.stream().filter(d -> d.eventId().equals("1796050873.064:644")).findFirst()
                .orElseThrow();
        assertEquals(Denial.Mechanism.SELINUX, crossVm.mechanism());
        assertEquals(Set.of("read"), crossVm.permissions());
        assertEquals(B, crossVm.source());
        assertEquals(Optional.of(IMAGE_A), crossVm.target());
        assertEquals("file", crossVm.objectClass());
        assertEquals(Optional.of("bulkhead-lab-bd93abad-a.qcow2"), crossVm.object());
        assertTrue(crossVm.enforced());
        assertEquals("refused", crossVm.outcome());
        assertEquals(Optional.of(574L), crossVm.pid());
        assertEquals(Optional.of("qemu-system-x86"), crossVm.command());
    }

    @Test
    void aPermissiveTypesDenialIsLoggedNotEnforced() throws IOException {
        List<Denial> denials = Denial.from(AuditEvent.group(labLines(), null));
        Denial daemon = denials.stream().filter(d -> d.source().equals("system_u:system_r:virtd_t:s0")).findFirst()
                .orElseThrow();
        assertFalse(daemon.enforced(), "the lab runs libvirtd's virtd_t permissive");
        assertEquals("logged, not enforced", daemon.outcome());
        // Multi-permission AVCs of one event stay separate records, each with its own set.
        assertTrue(denials.stream().anyMatch(d -> d.permissions().size() >= 1 && !d.enforced()));
    }

    @Test
    void eachVmsTrailHoldsWhatItDidAndWhatWasTriedOnItsFiles() throws IOException {
        List<Denial> denials = Denial.from(AuditEvent.group(labLines(), null));
        Map<String, String> owners = Map.of(A, "a", IMAGE_A, "a", B, "b", IMAGE_B, "b");
        DenialTrail.Owners names = label -> owners.entrySet().stream()
                .filter(e -> Denial.sameCompartment(e.getKey(), label)).map(Map.Entry::getValue).findFirst();

        DenialTrail a = DenialTrail.of("a", A, Optional.of(IMAGE_A), denials, names);
        DenialTrail b = DenialTrail.of("b", B, Optional.of(IMAGE_B), denials, names);

        DenialTrail.Entry tried = b.entries().stream().filter(e -> e.denial().eventId().equals("1796050873.064:644"))
                .findFirst().orElseThrow();
        assertEquals(DenialTrail.Role.BY_THIS_VM, tried.role());
        assertEquals("b tried to read a's file 'bulkhead-lab-bd93abad-a.qcow2'; refused by SELinux, the call failing"
                + " with EACCES (permission denied): isolation held; nothing to do unless b should use it (then give"
                + " the disk to both as shareable).", tried.explanation());
        DenialTrail.Entry touched = a.entries().stream().filter(e -> e.denial().eventId().equals("1796050873.064:644"))
                .findFirst().orElseThrow();
        assertEquals(DenialTrail.Role.ON_THIS_VM, touched.role());
        assertTrue(a.refused() >= 1 && b.refused() >= 1, a.refused() + " / " + b.refused());
        assertTrue(a.entries().stream().noneMatch(e -> e.denial().source().contains("virtd_t")
                        && e.role() == DenialTrail.Role.BY_THIS_VM), "the daemon's denials are not a's own");
    }

    @Test
    void libvirtsMachineIdRecordsCarryTheVmsLabelsInTheirUserMessage() throws IOException {
        AuditRecord id = AuditEvent.group(labLines(), null).stream().flatMap(e -> e.ofType("VIRT_MACHINE_ID").stream())
                .filter(r -> "selinux".equals(r.fields().get("model"))).findFirst().orElseThrow();
        assertEquals("bulkhead-lab-bd93abad-a", id.fields().get("vm"));
        assertEquals(A, id.fields().get("vm-ctx"));
        assertEquals(IMAGE_A, id.fields().get("img-ctx"));
    }

    @Test
    void anAppArmorComplainModeRecordIsLoggedAndADeniedOneRefused() {
        // Written to the kernel's AppArmor record format (not captured: the lab boots SELinux).
        String uuid = "libvirt-5a1d3c4e-0000-4000-8000-000000000001";
        List<String> lines = List.of(
                "type=AVC msg=audit(1700000000.100:10): apparmor=\"ALLOWED\" operation=\"open\" profile=\"" + uuid
                        + "\" name=\"/var/lib/libvirt/images/db.qcow2\" pid=900 comm=\"qemu-system-x86\""
                        + " requested_mask=\"r\" denied_mask=\"r\" fsuid=64055 ouid=64055",
                "type=APPARMOR msg=audit(1700000001.200:11): apparmor=\"DENIED\" operation=\"open\" profile=\"" + uuid
                        + "\" name=2F7661722F6C69622F6C6962766972742F696D616765732F6D7920646973632E69736F pid=900"
                        + " comm=\"qemu-system-x86\" requested_mask=\"r\" denied_mask=\"r\" fsuid=64055 ouid=0");
        List<Denial> denials = Denial.from(AuditEvent.group(lines, null));
        assertEquals(2, denials.size());
        assertFalse(denials.get(0).enforced());
        assertEquals(Denial.Mechanism.APPARMOR, denials.get(0).mechanism());
        assertTrue(denials.get(1).enforced());
        assertEquals(Optional.of("/var/lib/libvirt/images/my disc.iso"), denials.get(1).object(), "hex-encoded name");
        assertTrue(denials.get(1).byLabel(uuid));
    }

    @Test
    void aLineThatIsNotAnAuditRecordSaysWhichPartIsWrong() {
        AuditFormatException e = assertThrows(AuditFormatException.class,
                () -> AuditRecord.parse("type=AVC msg=audit(yesterday:1): avc:  denied  { read }"));
        assertTrue(e.getMessage().contains("bad time stamp 'yesterday:1'"), e.getMessage());
        assertThrows(AuditFormatException.class, () -> AuditRecord.parse("hello"));
    }
}
