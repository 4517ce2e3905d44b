package org.bulkhead.model.audit;

import java.util.List;
import java.util.Optional;

/**
 * One VM's denials: those its QEMU caused (the source is its label) and those on its files (the
 * target carries its categories), each with a sentence in plain words. {@code names} says whose
 * other labels are, so a cross-VM attempt reads "web tried to read db's disk image".
 */
public record DenialTrail(String vmName, List<Entry> entries) {

    public DenialTrail {
        entries = List.copyOf(entries);
    }

    /** A denial as this VM's trail shows it. */
    public record Entry(Denial denial, Role role, String explanation) {
    }

    /** Whether the VM acted, or something acted on the VM's files. */
    public enum Role { BY_THIS_VM, ON_THIS_VM }

    /** Tells whose a label is: a VM's name, or empty for a label no known VM uses. */
    @FunctionalInterface
    public interface Owners {
        Optional<String> owner(String label);
    }

    /**
     * @param label      the VM's process label (SELinux context or AppArmor profile)
     * @param imageLabel the VM's image label, empty where the model has none
     */
    public static DenialTrail of(String vmName, String label, Optional<String> imageLabel, List<Denial> denials,
            Owners owners) {
        List<Entry> entries = new java.util.ArrayList<>();
        for (Denial denial : denials) {
            if (denial.byLabel(label)) {
                entries.add(new Entry(denial, Role.BY_THIS_VM, explain(vmName, denial, owners)));
            } else if (denial.onLabel(imageLabel.orElse(label))) {
                entries.add(new Entry(denial, Role.ON_THIS_VM, explain(owners.owner(denial.source())
                        .orElse("a process labelled " + denial.source()), denial, owners)));
            }
        }
        return new DenialTrail(vmName, entries);
    }

    public long refused() {
        return entries.stream().filter(e -> e.denial().enforced()).count();
    }

    public long loggedOnly() {
        return entries.stream().filter(e -> !e.denial().enforced()).count();
    }

    static String explain(String actor, Denial denial, Owners owners) {
        String what = denial.permissions().stream().sorted().reduce((a, b) -> a + "/" + b).orElse("use");
        String object = denial.object().map(o -> "'" + o + "'").orElse("a " + denial.objectClass());
        Optional<String> owner = denial.target().flatMap(owners::owner);
        String whose = owner.map(o -> o + "'s " + denial.objectClass() + denial.object().map(n -> " '" + n + "'")
                .orElse("")).orElse(object);
        String by = denial.mechanism() == Denial.Mechanism.SELINUX ? "SELinux" : "AppArmor";
        String failed = denial.failure().map(f -> ", the call failing with " + f).orElse("");
        if (!denial.enforced()) {
            return actor + " tried to " + what + " " + whose + "; allowed, only logged by " + by
                    + " (not enforced): make the host enforcing or the type or profile no longer permissive to refuse it.";
        }
        // A VM refused another VM's file is isolation working; anything else may be a VM missing a file it needs.
        boolean crossVm = owner.isPresent() && owners.owner(denial.source()).filter(a -> !a.equals(owner.get())).isPresent();
        return actor + " tried to " + what + " " + whose + "; refused by " + by + failed + (crossVm
                ? ": isolation held; nothing to do unless " + actor + " should use it (then give the disk to both as shareable)."
                : ".");
    }
}
