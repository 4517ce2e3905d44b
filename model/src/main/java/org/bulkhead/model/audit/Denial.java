package org.bulkhead.model.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bulkhead.model.label.SecurityContext;

/**
 * One access the kernel's MAC judged against a process's label: an SELinux AVC denial or an
 * AppArmor DENIED/ALLOWED record, with what the process tried, on what, and whether the kernel
 * refused it or only logged it (a permissive type or host, a complain-mode profile).
 *
 * @param source the subject's label: an SELinux context, or the AppArmor profile
 * @param target the object's SELinux context; empty for AppArmor, which names paths only
 * @param object the file or thing touched, as the record names it (path, else name); a trail
 *               makes a bare name a VM's whole path where the VM has a disk of that name
 * @param failure why the system call that asked failed, as its error says ("permission
 *               EACCES (permission denied)"); empty when it succeeded or no SYSCALL record says
 */
public record Denial(String eventId, Instant time, Mechanism mechanism, Set<String> permissions, String source,
        Optional<String> target, String objectClass, Optional<String> object, boolean enforced, Optional<Long> pid,
        Optional<String> command, Optional<String> executable, Optional<String> failure) {

    public enum Mechanism { SELINUX, APPARMOR }

    /** The errors a refused access returns, in words. */
    private static final java.util.Map<Integer, String> ERRORS = java.util.Map.of(
            1, "EPERM (operation not permitted)", 13, "EACCES (permission denied)");

    public Denial {
        permissions = Set.copyOf(permissions);
    }

    /** A denial without a known failure of its system call. */
    public Denial(String eventId, Instant time, Mechanism mechanism, Set<String> permissions, String source,
            Optional<String> target, String objectClass, Optional<String> object, boolean enforced, Optional<Long> pid,
            Optional<String> command, Optional<String> executable) {
        this(eventId, time, mechanism, permissions, source, target, objectClass, object, enforced, pid, command,
                executable, Optional.empty());
    }

    /** The same denial naming the thing touched as {@code path} (the whole path of a bare name). */
    public Denial withObject(String path) {
        return new Denial(eventId, time, mechanism, permissions, source, target, objectClass, Optional.of(path),
                enforced, pid, command, executable, failure);
    }

    /** Whether the record named the thing by its last component only (no folder). */
    public boolean namesBareFile() {
        return object.map(o -> !o.isEmpty() && o.indexOf('/') < 0).orElse(false);
    }

    /** "refused" or "logged, not enforced", as the Denials tab and the report say it. */
    public String outcome() {
        return enforced ? "refused" : "logged, not enforced";
    }

    /** The denials in {@code events}: every AVC record's, every AppArmor record's. */
    public static List<Denial> from(List<AuditEvent> events) {
        List<Denial> denials = new ArrayList<>();
        for (AuditEvent event : events) {
            Optional<AuditRecord> syscall = event.first("SYSCALL");
            Optional<String> proctitle = event.first("PROCTITLE").flatMap(r -> r.field("proctitle"));
            Optional<String> path = event.first("PATH").flatMap(r -> r.field("name"));
            for (AuditRecord avc : event.ofType("AVC")) {
                avc.field("apparmor").ifPresentOrElse(
                        verdict -> appArmor(event, avc, verdict, syscall).ifPresent(denials::add),
                        () -> selinux(event, avc, syscall, proctitle, path).ifPresent(denials::add));
            }
            for (AuditRecord record : event.ofType("APPARMOR")) {
                record.field("apparmor").flatMap(verdict -> appArmor(event, record, verdict, syscall))
                        .ifPresent(denials::add);
            }
        }
        return denials;
    }

    private static Optional<Denial> selinux(AuditEvent event, AuditRecord avc, Optional<AuditRecord> syscall,
            Optional<String> proctitle, Optional<String> path) {
        if (!"denied".equals(avc.fields().get("avc")) || avc.field("scontext").isEmpty()) {
            return Optional.empty(); // "granted" records are audit-allow rules, not denials
        }
        Optional<String> object = avc.field("path").or(() -> avc.field("name")).or(() -> path);
        return Optional.of(new Denial(event.id(), event.time(), Mechanism.SELINUX, avc.permissions(),
                avc.fields().get("scontext"), avc.field("tcontext"), avc.field("tclass").orElse("?"), object,
                !"1".equals(avc.fields().get("permissive")), pid(avc, syscall),
                avc.field("comm").or(() -> syscall.flatMap(s -> s.field("comm"))),
                syscall.flatMap(s -> s.field("exe")).or(() -> proctitle), failure(syscall)));
    }

    /** AppArmor logs ALLOWED for what a complain-mode profile would have denied. */
    private static Optional<Denial> appArmor(AuditEvent event, AuditRecord record, String verdict,
            Optional<AuditRecord> syscall) {
        if (!verdict.equals("DENIED") && !verdict.equals("ALLOWED")) {
            return Optional.empty();
        }
        String mask = record.field("denied_mask").or(() -> record.field("requested_mask")).orElse("");
        Set<String> permissions = Set.of(record.field("operation").orElse("?") + (mask.isEmpty() ? "" : " " + mask));
        return Optional.of(new Denial(event.id(), event.time(), Mechanism.APPARMOR, permissions,
                record.field("profile").orElse("?"), Optional.empty(), record.field("class").orElse("file"),
                record.field("name"), verdict.equals("DENIED"), pid(record, syscall), record.field("comm"),
                syscall.flatMap(s -> s.field("exe")), failure(syscall)));
    }

    /** The SYSCALL record's error when the call failed ({@code success=no exit=-13}). */
    static Optional<String> failure(Optional<AuditRecord> syscall) {
        if (syscall.isEmpty() || !"no".equals(syscall.get().fields().get("success"))) {
            return Optional.empty();
        }
        try {
            int errno = -Integer.parseInt(syscall.get().field("exit").orElse(""));
            return Optional.of(ERRORS.getOrDefault(errno, "error " + errno));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> pid(AuditRecord record, Optional<AuditRecord> syscall) {
        try {
            return record.field("pid").or(() -> syscall.flatMap(s -> s.field("pid"))).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the source label is {@code label}'s (the VM's QEMU acted). */
    public boolean byLabel(String label) {
        return sameCompartment(source, label);
    }

    /** Whether the target is in {@code imageLabel}'s compartment (something touched the VM's files). */
    public boolean onLabel(String imageLabel) {
        return target.map(t -> sameCompartment(t, imageLabel)).orElse(false);
    }

    /**
     * SELinux: the same MCS categories (a VM's process and its images share them, whatever the
     * type); AppArmor and anything without categories: the same label.
     */
    static boolean sameCompartment(String a, String b) {
        return compartment(a).equals(compartment(b));
    }

    /**
     * A key equal for two labels exactly when they are in the same compartment: an SELinux
     * context's categories when it has some, else the whole label. Lets a trail look up the
     * denials of thousands of VMs without comparing every pair.
     */
    static String compartment(String label) {
        try {
            SecurityContext context = SecurityContext.parse(label);
            var categories = context.level().map(l -> l.categories());
            if (categories.isPresent() && !categories.get().isEmpty()) {
                return "mcs " + categories.get();
            }
            return "context " + context;
        } catch (IllegalArgumentException notAContext) {
            // An AppArmor profile, say (LabelFormatException is one of these).
            return "label " + label;
        }
    }
}
