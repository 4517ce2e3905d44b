package org.bulkhead.app.report;

import java.util.List;

import org.bulkhead.model.audit.DenialTrails;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.store.DomainSnapshot;

/** The inventory of one connection, rendered for people (a table) or for programs (JSON). */
public final class Inventory {

    private Inventory() {
    }

    public static String json(HostContext host, List<DomainSnapshot> domains, DenialTrails denials) {
        return InventoryJson.render(host, domains, denials) + System.lineSeparator();
    }

    public static String table(HostContext host, List<DomainSnapshot> domains, DenialTrails denials) {
        return InventoryTable.render(host, domains, denials);
    }
}
