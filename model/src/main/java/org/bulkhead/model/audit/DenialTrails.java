package org.bulkhead.model.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every VM's denial trail from one reading of a host's audit log, or the reason there is none to
 * show: an unreadable log gives no trails at all, never empty ones.
 */
public final class DenialTrails {

    /** A VM as the trails need it: its name, process label and image label (empty where it has none). */
    public record Vm(String name, Optional<String> label, Optional<String> imageLabel) {
    }

    private final Optional<String> unreadable;
    private final List<Vm> vms;
    private final Map<String, DenialTrail> trails;

    private DenialTrails(Optional<String> unreadable, List<Vm> vms, Map<String, DenialTrail> trails) {
        this.unreadable = unreadable;
        this.vms = List.copyOf(vms);
        this.trails = trails;
    }

    public static DenialTrails of(AuditReading reading, List<Vm> vms) {
        Map<String, DenialTrail> trails = new LinkedHashMap<>();
        if (reading instanceof AuditReading.Unreadable(String reason)) {
            return new DenialTrails(Optional.of(reason), vms, trails);
        }
        List<Denial> denials = ((AuditReading.Lines) reading).denials();
        DenialTrails result = new DenialTrails(Optional.empty(), vms, trails);
        for (Vm vm : vms) {
            trails.put(vm.name(), vm.label()
                    .map(label -> DenialTrail.of(vm.name(), label, vm.imageLabel(), denials, result::owner))
                    .orElseGet(() -> new DenialTrail(vm.name(), List.of())));
        }
        return result;
    }

    /** Why the log could not be read; empty when it was. */
    public Optional<String> unreadable() {
        return unreadable;
    }

    /** The VM's trail; empty when the log could not be read (which is not "no denials"). */
    public Optional<DenialTrail> of(String vmName) {
        return Optional.ofNullable(trails.get(vmName));
    }

    /** The VM whose process or image label is in {@code label}'s compartment, if any. */
    public Optional<String> owner(String label) {
        return vms.stream().filter(vm -> vm.label().map(l -> Denial.sameCompartment(l, label)).orElse(false)
                || vm.imageLabel().map(l -> Denial.sameCompartment(l, label)).orElse(false))
                .map(Vm::name).findFirst();
    }

    /** Whose the touched thing was: a VM's name, else the target's label, else empty (AppArmor). */
    public Optional<String> whose(Denial denial) {
        return denial.target().map(target -> owner(target).orElse(target));
    }
}
