package org.bulkhead.model.provision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.DomainXmlException;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.ledger.LabelUse;

/**
 * The label uses of the domains libvirt holds, read from their XML: the ledger's whole state
 * comes from here, so it is rebuilt after a restart and sees domains defined behind its back.
 */
public final class LabelUses {

    private LabelUses() {
    }

    /** Rebuilds {@code ledger} from every domain on the connection; pending reservations stay. */
    public static void resync(LabelLedger ledger, Collection<DomainRecord> domains) {
        List<LabelUse> uses = new ArrayList<>();
        domains.forEach(domain -> uses.addAll(of(domain)));
        ledger.replaceAll(uses);
    }

    /** One use per domain-level seclabel that names a known model and carries a label. */
    public static List<LabelUse> of(DomainRecord record) {
        DomainSpec spec;
        try {
            spec = DomainXml.parse(record.xml());
        } catch (DomainXmlException e) {
            // A domain Bulkhead cannot read holds no label Bulkhead could know; the domain list shows the error.
            return List.of();
        }
        return LabelUse.of(record.uuid(), record.name(), record.state().isActive(), spec.seclabels());
    }
}
