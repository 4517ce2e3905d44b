package org.bulkhead.ui.denials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.SimpleObjectProperty;

import org.bulkhead.model.audit.AuditReading;
import org.bulkhead.model.audit.DenialTrails;
import org.junit.jupiter.api.Test;

/** The Denials tab's view model, on records like the lab's cross-VM open, without a toolkit. */
class DenialsViewModelTest {

    private static final String WEB = "system_u:system_r:svirt_t:s0:c1,c2";
    private static final String DB_IMAGE = "system_u:object_r:svirt_image_t:s0:c3,c4";
    private static final List<DenialTrails.Vm> VMS = List.of(
            new DenialTrails.Vm("web", Optional.of(WEB), Optional.of("system_u:object_r:svirt_image_t:s0:c1,c2")),
            new DenialTrails.Vm("db", Optional.of("system_u:system_r:svirt_t:s0:c3,c4"), Optional.of(DB_IMAGE)));

    private static String avc(int serial, int permissive) {
        return "type=AVC msg=audit(1796050873.064:" + serial + "): avc:  denied  { open } for  pid=4242"
                + " comm=\"qemu-system-x86\" path=\"/var/lib/libvirt/images/db.qcow2\" scontext=" + WEB
                + " tcontext=" + DB_IMAGE + " tclass=file permissive=" + permissive;
    }

    private static DenialsViewModel tab(String vm, AuditReading reading) {
        return new DenialsViewModel(vm, new SimpleObjectProperty<>(DenialTrails.of(reading, VMS)), ZoneOffset.UTC);
    }

    @Test
    void eachDenialShowsTimeActionWhoseTargetAndWhetherItWasRefused() {
        DenialsViewModel db = tab("db", new AuditReading.Lines(List.of(avc(1, 0), avc(2, 1)), 0, 100));
        assertEquals(2, db.rows().size());
        DenialsViewModel.DenialRow refused = db.rows().get(0);
        assertEquals("2026-11-30 15:01:13", refused.time());
        assertEquals("open", refused.action());
        assertEquals("/var/lib/libvirt/images/db.qcow2 (db)", refused.target());
        assertTrue(refused.outcome().contains("refused") && refused.enforced(), refused.toString());
        assertTrue(db.rows().get(1).outcome().contains("logged, not enforced"), db.rows().get(1).toString());
        assertTrue(refused.explanation().startsWith("web tried to open db's file"), refused.explanation());
        assertEquals("2 denials: 1 refused, 1 logged, not enforced.", db.statusProperty().get());
        assertFalse(db.unreadableProperty().get());
    }

    @Test
    void anUnreadableLogSaysSoAndShowsNoRowsRatherThanNoDenials() {
        DenialsViewModel web = tab("web", new AuditReading.Unreadable("cannot read the audit log: permission denied"));
        assertTrue(web.unreadableProperty().get());
        assertEquals(List.of(), web.rows());
        String status = web.statusProperty().get();
        assertTrue(status.contains("could not be read") && status.contains("permission denied"), status);
        assertFalse(status.contains("No denials"), status);
    }

    @Test
    void aLogReadFromItsEndSaysOlderRecordsWereNotReadBesideTheCount() {
        DenialsViewModel web = tab("web", new AuditReading.Lines(List.of(), 9_000_000, 9_000_000, 9_000_000));
        String status = web.statusProperty().get();
        assertTrue(status.startsWith("No denials for web in the audit log. \u26a0 Older records not read"), status);
    }

    @Test
    void aVmWithACleanTrailSaysThereAreNoDenials() {
        DenialsViewModel web = tab("web", new AuditReading.Lines(List.of(), 0, 0));
        assertEquals("No denials for web in the audit log.", web.statusProperty().get());
    }

    @Test
    void aDenialLoggedWhileTheTabIsOpenAppearsInIt() {
        SimpleObjectProperty<DenialTrails> trails = new SimpleObjectProperty<>();
        DenialsViewModel db = new DenialsViewModel("db", trails, ZoneOffset.UTC);
        assertTrue(db.readingProperty().get());
        assertTrue(db.statusProperty().get().startsWith("Reading the audit log"), db.statusProperty().get());
        assertFalse(db.statusProperty().get().contains("No denials"));

        trails.set(DenialTrails.of(new AuditReading.Lines(List.of(avc(1, 0)), 0, 100), VMS));
        assertEquals(1, db.rows().size());
        trails.set(DenialTrails.of(new AuditReading.Lines(List.of(avc(1, 0), avc(2, 1)), 0, 200), VMS));
        assertEquals(2, db.rows().size());
        assertEquals("2 denials: 1 refused, 1 logged, not enforced.", db.statusProperty().get());
        assertFalse(db.readingProperty().get());
    }
}
