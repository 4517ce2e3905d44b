package org.bulkhead.model.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.SecurityModel;

/**
 * One label of one domain, as the hypervisor reports it: a single {@code <seclabel>}.
 *
 * @param domainUuid the domain's UUID, the key the ledger tracks domains by
 * @param domainName shown in collision reports
 * @param running    whether the domain runs now (a dynamic label only holds its pair while it does)
 * @param label      the label in {@code model}'s format; empty when the seclabel carries none
 *                   (a dynamic label of a stopped domain, model {@code none})
 */
public record LabelUse(String domainUuid, String domainName, boolean running, Kind kind,
        SecurityModel model, String label) {

    public enum Kind {
        /** libvirt chose the label at start and drops it at stop. */
        DYNAMIC,
        /** Written in the domain's XML by someone; libvirt never reserves it. */
        STATIC,
        /** A static label Bulkhead allocated from the ledger so it survives restarts. */
        PINNED
    }

    public LabelUse {
        Objects.requireNonNull(domainUuid, "domainUuid");
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(label, "label");
        if (domainUuid.isBlank()) {
            throw new IllegalArgumentException("a label use needs the domain's UUID");
        }
        if (!label.isEmpty()) {
            model.validateLabel(label);
        }
    }

    /** One use per domain-level seclabel that names a known model and carries a label it can parse. */
    public static List<LabelUse> of(String domainUuid, String domainName, boolean running, List<SecLabel> seclabels) {
        List<LabelUse> uses = new ArrayList<>();
        for (SecLabel seclabel : seclabels) {
            Optional<SecurityModel> model = seclabel.optionalModel().flatMap(SecurityModel::fromLibvirtName);
            if (model.isEmpty() || seclabel.label().isEmpty() || seclabel.isNone()) {
                continue;
            }
            Kind kind = seclabel.type().filter(t -> t == SecLabel.Type.STATIC).isPresent() ? Kind.STATIC : Kind.DYNAMIC;
            try {
                uses.add(new LabelUse(domainUuid, domainName, running, kind, model.get(), seclabel.label().get()));
            } catch (LabelFormatException e) {
                // A label libvirt accepted but Bulkhead cannot parse (a DAC user name, say) reserves nothing we allocate.
            }
        }
        return uses;
    }

    /** True while libvirt treats this label as the domain's: dynamic ones only while running. */
    public boolean isInForce() {
        return kind != Kind.DYNAMIC || running;
    }
}
