package org.bulkhead.model.host;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bulkhead.model.hostsec.EnforcementFacts;
import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.label.DacLabel;
import org.bulkhead.model.label.LabelFormatException;

/**
 * A connection's host as Bulkhead sees it: what libvirt says (capabilities and its security
 * models, in libvirt's order, primary first), what the local kernel enforces when the host is this
 * machine, the base contexts plans use, notes on what cannot be seen from here, and the policy
 * facts (permissive types, profile modes) that decide whether each VM's label is enforced.
 */
public record HostContext(HostInfo info, HostCapabilities capabilities, List<String> models,
        HostEnforcement enforcement, Optional<SecurityDriverInfo> localDriver,
        Map<String, String> baseContexts, List<String> notes, EnforcementFacts facts) {

    public HostContext {
        models = List.copyOf(models);
        baseContexts = Map.copyOf(baseContexts);
        notes = List.copyOf(notes);
        java.util.Objects.requireNonNull(facts, "facts");
    }

    /** A host whose policy facts were not read. */
    public HostContext(HostInfo info, HostCapabilities capabilities, List<String> models,
            HostEnforcement enforcement, Optional<SecurityDriverInfo> localDriver,
            Map<String, String> baseContexts, List<String> notes) {
        this(info, capabilities, models, enforcement, localDriver, baseContexts, notes,
                EnforcementFacts.unknown("the host's policy was not read"));
    }

    /** The same host with a fresh enforcing state and policy facts (a periodic re-check). */
    public HostContext withEnforcement(HostEnforcement newEnforcement, Optional<SecurityDriverInfo> newDriver,
            EnforcementFacts newFacts) {
        return new HostContext(info, capabilities, models, newEnforcement, newDriver, baseContexts, notes, newFacts);
    }

    /** Whether {@code other} agrees on what decides VMs' enforcement: the mode and the policy facts. */
    public boolean sameEnforcement(HostContext other) {
        return enforcement == other.enforcement && facts.permissiveTypes().equals(other.facts.permissiveTypes())
                && facts.profileModes().equals(other.facts.profileModes());
    }

    /** libvirt's primary security model for this connection ("none" when it has none). */
    public String primaryModel() {
        return models.isEmpty() ? "none" : models.get(0);
    }

    /** Models as one line, for example {@code none + dac} or {@code selinux + dac}. */
    public String modelsText() {
        return models.isEmpty() ? "none" : String.join(" + ", models);
    }

    /** The group of libvirt's QEMU user, from the DAC base label ({@code +64055:+64055}); empty when not known. */
    public java.util.OptionalInt qemuGroup() {
        String dac = baseContexts.get("dac");
        if (dac == null) {
            return java.util.OptionalInt.empty();
        }
        try {
            return DacLabel.parse(dac).gid();
        } catch (LabelFormatException e) {
            return java.util.OptionalInt.empty();
        }
    }
}
