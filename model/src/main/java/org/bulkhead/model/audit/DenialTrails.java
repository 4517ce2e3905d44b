package org.bulkhead.model.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every VM's denial trail from what was read of a host's audit log, or the reason there is none
 * to show: an unreadable log gives no trails at all, never empty ones. Denials are indexed by
 * compartment once, so thousands of VMs cost one look-up each, not a pass over every denial.
 */
public final class DenialTrails {

    /**
     * A VM as the trails need it: its name, process label and image label (empty where it has
     * none), and the paths of its disks, which give a denial naming only a file's last component
     * its whole path.
     */
    public record Vm(String name, Optional<String> label, Optional<String> imageLabel, List<String> files) {
        public Vm {
            files = List.copyOf(files);
        }

        public Vm(String name, Optional<String> label, Optional<String> imageLabel) {
            this(name, label, imageLabel, List.of());
        }
    }

    private final Optional<String> unreadable;
    private final Optional<String> olderNotRead;
    private final List<Vm> vms;
    private final Map<String, String> ownerByCompartment = new HashMap<>();
    private final Map<String, Vm> vmByCompartment = new HashMap<>();
    private final Map<String, DenialTrail> trails = new LinkedHashMap<>();

    private DenialTrails(Optional<String> unreadable, Optional<String> olderNotRead, List<Vm> vms) {
        this.unreadable = unreadable;
        this.olderNotRead = olderNotRead;
        this.vms = List.copyOf(vms);
        for (Vm vm : this.vms) {
            vm.label().ifPresent(label -> ownerByCompartment.putIfAbsent(Denial.compartment(label), vm.name()));
            vm.imageLabel().ifPresent(label -> ownerByCompartment.putIfAbsent(Denial.compartment(label), vm.name()));
            vm.imageLabel().or(vm::label).ifPresent(label -> vmByCompartment.putIfAbsent(Denial.compartment(label), vm));
        }
    }

    public static DenialTrails of(AuditReading reading, List<Vm> vms) {
        if (reading instanceof AuditReading.Unreadable(String reason)) {
            return unreadable(reason, vms);
        }
        AuditReading.Lines lines = (AuditReading.Lines) reading;
        return of(lines.denials(), vms, lines.olderNotRead());
    }

    /** No trails, and why: the log could not be read. */
    public static DenialTrails unreadable(String reason, List<Vm> vms) {
        return new DenialTrails(Optional.of(reason), Optional.empty(), vms);
    }

    /** The trails of {@code vms} in {@code denials} (oldest first). */
    public static DenialTrails of(List<Denial> denials, List<Vm> vms) {
        return of(denials, vms, Optional.empty());
    }

    /**
     * The trails of {@code vms} in {@code denials} (oldest first), read from a log whose older
     * records were left out ({@code olderNotRead} says so), or from all of it (empty).
     */
    public static DenialTrails of(List<Denial> read, List<Vm> vms, Optional<String> olderNotRead) {
        DenialTrails result = new DenialTrails(Optional.empty(), olderNotRead, vms);
        List<Denial> denials = read.stream().map(result::withWholePath).toList();
        Map<String, List<Integer>> bySource = new HashMap<>();
        Map<String, List<Integer>> byTarget = new HashMap<>();
        for (int i = 0; i < denials.size(); i++) {
            Denial denial = denials.get(i);
            int index = i;
            bySource.computeIfAbsent(Denial.compartment(denial.source()), k -> new ArrayList<>()).add(index);
            denial.target().ifPresent(t -> byTarget.computeIfAbsent(Denial.compartment(t), k -> new ArrayList<>())
                    .add(index));
        }
        for (Vm vm : result.vms) {
            if (vm.label().isEmpty()) {
                result.trails.put(vm.name(), new DenialTrail(vm.name(), List.of()));
                continue;
            }
            // By this VM first: a VM touching its own files is its own doing.
            TreeMap<Integer, DenialTrail.Role> roles = new TreeMap<>();
            for (int i : byTarget.getOrDefault(Denial.compartment(vm.imageLabel().orElse(vm.label().get())), List.of())) {
                roles.put(i, DenialTrail.Role.ON_THIS_VM);
            }
            for (int i : bySource.getOrDefault(Denial.compartment(vm.label().get()), List.of())) {
                roles.put(i, DenialTrail.Role.BY_THIS_VM);
            }
            List<DenialTrail.Entry> entries = new ArrayList<>(roles.size());
            roles.forEach((i, role) -> {
                Denial denial = denials.get(i);
                String actor = role == DenialTrail.Role.BY_THIS_VM ? vm.name()
                        : result.owner(denial.source()).orElse("a process labelled " + denial.source());
                entries.add(new DenialTrail.Entry(denial, role, DenialTrail.explain(actor, denial, result::owner)));
            });
            result.trails.put(vm.name(), new DenialTrail(vm.name(), entries));
        }
        return result;
    }

    /**
     * What of the log was not read ("older records not read: …"), so the trails may lack older
     * denials; empty when the log was read from its start.
     */
    public Optional<String> olderNotRead() {
        return olderNotRead;
    }

    /**
     * The kernel names a file it refused to open by its last component only ({@code name=} in the
     * AVC record, no PATH record without syscall rules): the VM whose files it touched has a
     * disk of that name, whose path is the whole one.
     */
    private Denial withWholePath(Denial denial) {
        if (!denial.namesBareFile() || denial.target().isEmpty()) {
            return denial;
        }
        Vm vm = vmByCompartment.get(Denial.compartment(denial.target().get()));
        String name = "/" + denial.object().orElseThrow();
        return vm == null ? denial : vm.files().stream().filter(f -> f.endsWith(name)).findFirst()
                .map(denial::withObject).orElse(denial);
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
        return Optional.ofNullable(ownerByCompartment.get(Denial.compartment(label)));
    }

    /** Whose the touched thing was: a VM's name, else the target's label, else empty (AppArmor). */
    public Optional<String> whose(Denial denial) {
        return denial.target().map(target -> owner(target).orElse(target));
    }
}
