package org.bulkhead.model.ledger;

import java.util.Objects;

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

    /** True while libvirt treats this label as the domain's: dynamic ones only while running. */
    public boolean isInForce() {
        return kind != Kind.DYNAMIC || running;
    }
}
