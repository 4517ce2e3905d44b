package org.bulkhead.model.security;

import java.util.List;
import java.util.Optional;

import org.bulkhead.model.host.HostEnforcement;
import org.bulkhead.model.hostsec.ProcessLabel;
import org.bulkhead.model.isolation.DomainEnforcement;

/**
 * What confines one domain: every seclabel libvirt reports, the primary model's label, the
 * host's enforcement, the QEMU process as the kernel sees it (local hosts), each resource's
 * planned and actual label, and the resulting trust verdict.
 *
 * @param enforcement       the host's enforcing state, as its kernel (or libvirt) reports it
 * @param domainEnforcement whether the kernel enforces this domain's own label: the host's state with
 *                          its process type, profile or user
 * @param ownTrust   the verdict on this domain's own labels, before other domains are looked at
 * @param sharedWith the other domains on the connection whose label puts them in this domain's compartment
 */
public record DomainSecurity(List<SeclabelView> seclabels, String primaryModel, Optional<String> label,
        Optional<String> imageLabel, HostEnforcement enforcement, DomainEnforcement domainEnforcement,
        Optional<ProcessLabel> process,
        List<ResourceCheck> resources, Trust ownTrust, List<String> sharedWith) {

    public DomainSecurity {
        seclabels = List.copyOf(seclabels);
        resources = List.copyOf(resources);
        sharedWith = List.copyOf(sharedWith);
    }

    /**
     * The security of a domain that is listed but not yet inspected: no labels known, the host's
     * enforcement, and a verdict that says it was not checked.
     */
    public static DomainSecurity unchecked(HostEnforcement hostEnforcement) {
        return new DomainSecurity(List.of(), "", Optional.empty(), Optional.empty(), hostEnforcement,
                DomainEnforcement.notChecked("not checked yet", "Bulkhead is still reading this domain's definition"
                        + " and labels."), Optional.empty(), List.of(), new Trust(Trust.Level.UNCHECKED,
                        "Bulkhead is still reading this domain's definition and labels."), List.of());
    }

    /** False while the domain is only listed, before its labels were read. */
    public boolean checked() {
        return ownTrust.level() != Trust.Level.UNCHECKED;
    }

    /**
     * The trust marker's verdict: never isolated while another domain uses the same label, since
     * whenever both run each can reach the other's files.
     */
    public Trust trust() {
        if (sharedWith.isEmpty() || ownTrust.level() == Trust.Level.UNCONFINED || !checked()) {
            return ownTrust;
        }
        String others = String.join("', '", sharedWith);
        String shared = "Shares its label with '" + others + "': whenever both run, each can reach the other's files.";
        return new Trust(Trust.Level.WEAK, ownTrust.level() == Trust.Level.ISOLATED ? shared
                : shared + " " + ownTrust.reason());
    }

    /** The same security with {@code others} as the domains sharing its compartment. */
    public DomainSecurity withSharedWith(List<String> others) {
        return others.equals(sharedWith) ? this : new DomainSecurity(seclabels, primaryModel, label, imageLabel,
                enforcement, domainEnforcement, process, resources, ownTrust, others);
    }

    /** Whether any resource's actual label differs from the plan. */
    public boolean hasMismatch() {
        return resources.stream().anyMatch(r -> r.verdict() == ResourceCheck.Verdict.MISMATCH);
    }
}
