package org.bulkhead.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bulkhead.model.audit.AuditReading;
import org.bulkhead.model.audit.DenialTrails;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.store.ConnectionStatus;
import org.bulkhead.model.store.DomainKey;
import org.bulkhead.model.store.DomainSnapshot;
import org.bulkhead.model.store.StoreChange;
import org.junit.jupiter.api.Test;

/** The main table's denial badge: each row counts its own VM's trail, and unread is never zero. */
class DenialBadgeTest {

    private static final String WEB = "system_u:system_r:svirt_t:s0:c1,c2";
    private static final String DB = "system_u:system_r:svirt_t:s0:c3,c4";
    private static final List<DenialTrails.Vm> VMS = List.of(
            new DenialTrails.Vm("web", Optional.of(WEB), Optional.of("system_u:object_r:svirt_image_t:s0:c1,c2")),
            new DenialTrails.Vm("db", Optional.of(DB), Optional.of("system_u:object_r:svirt_image_t:s0:c3,c4")));

    private static String avc(int serial, int permissive) {
        return "type=AVC msg=audit(1796050873.064:" + serial + "): avc:  denied  { open } for  pid=4242"
                + " comm=\"qemu\" path=\"/var/lib/libvirt/images/db.qcow2\" scontext=" + WEB
                + " tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=" + permissive;
    }

    private static StoreChange added(DomainSnapshot... snapshots) {
        return new StoreChange(List.of(snapshots), Set.of(), Map.of());
    }

    @Test
    void eachRowCountsItsOwnVmsDenialsAndARowAddedLaterGetsItsCountToo() {
        DomainTable table = new DomainTable();
        DomainSnapshot web = Snapshots.domain("1", "web", DomainState.RUNNING, "s0:c1,c2");
        table.apply(added(web), uri -> Optional.of(ConnectionStatus.OPEN));
        DomainRow webRow = table.row(web.key()).orElseThrow();
        assertEquals("\u2014", webRow.denialCount().badge(), "not read yet is a dash, not zero");

        table.applyDenials(Snapshots.URI, DenialTrails.of(new AuditReading.Lines(List.of(avc(1, 0), avc(2, 1)), 0, 1),
                VMS));
        assertEquals(new DenialCount(1, 1, Optional.empty()), webRow.denialCount());
        assertEquals("\u25b2 2", webRow.denialCount().badge(), "some only logged: the warning glyph, not colour alone");
        assertTrue(webRow.denialCount().describe().startsWith("2 denials: 1 refused, 1 logged, not enforced"),
                webRow.denialCount().describe());

        DomainSnapshot db = Snapshots.domain("2", "db", DomainState.RUNNING, "s0:c3,c4");
        table.apply(added(db), uri -> Optional.of(ConnectionStatus.OPEN));
        assertEquals(2, table.row(new DomainKey(Snapshots.URI, "2")).orElseThrow().denialCount().total(),
                "db's files were the target of both");
    }

    @Test
    void anUnreadableLogShowsADashSayingNotCheckedWithTheReason() {
        DomainTable table = new DomainTable();
        DomainSnapshot web = Snapshots.domain("1", "web", DomainState.RUNNING, "s0:c1,c2");
        table.apply(added(web), uri -> Optional.of(ConnectionStatus.OPEN));
        table.applyDenials(Snapshots.URI, DenialTrails.unreadable("cannot read the audit log: permission denied", VMS));
        DenialCount count = table.row(web.key()).orElseThrow().denialCount();
        assertEquals("\u2014", count.badge());
        assertTrue(count.describe().contains("not checked") && count.describe().contains("permission denied"),
                count.describe());
    }
}
