package org.bulkhead.model.provision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.DomainXmlException;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.SecurityModel;
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
        boolean running = record.state().isActive();
        List<LabelUse> uses = new ArrayList<>();
        for (SecLabel seclabel : spec.seclabels()) {
            Optional<SecurityModel> model = seclabel.optionalModel().flatMap(SecurityModel::fromLibvirtName);
            if (model.isEmpty() || seclabel.label().isEmpty() || seclabel.isNone()) {
                continue;
            }
            LabelUse.Kind kind = seclabel.type().filter(t -> t == SecLabel.Type.STATIC).isPresent()
                    ? LabelUse.Kind.STATIC : LabelUse.Kind.DYNAMIC;
            try {
                uses.add(new LabelUse(record.uuid(), record.name(), running, kind, model.get(),
                        seclabel.label().get()));
            } catch (LabelFormatException e) {
                // A label libvirt accepted but Bulkhead cannot parse (a DAC user name, say) reserves nothing we allocate.
            }
        }
        return uses;
    }
}
