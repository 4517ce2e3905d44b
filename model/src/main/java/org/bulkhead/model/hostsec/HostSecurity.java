package org.bulkhead.model.hostsec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.bulkhead.model.audit.AuditReading;

/**
 * What the local kernel enforces and what local files actually carry. Implemented by the
 * host-security adapter. Every method may touch the disk: call it off the UI thread.
 * File operations throw {@link FileLabelException} with a message fit for a user.
 * Where a method takes {@code followLinks}, true acts on a symbolic link's target, false on the
 * link itself.
 */
public interface HostSecurity {

    /** The driver probed for this host (first of selinux, apparmor, dac, none that applies). */
    SecurityDriverInfo driver();

    /**
     * A file's label: its SELinux context (if it has one), owner, group and mode.
     * With {@code followLinks} the target of a symbolic link is read, otherwise the link itself.
     * A filesystem that keeps no SELinux labels gives an empty context, not an error.
     */
    FileLabel readLabel(Path file, boolean followLinks);

    /** Sets a file's SELinux context. Rejects a malformed context before touching the file. */
    void setSelinuxLabel(Path file, String context, boolean followLinks);

    /** The shell command equivalent to {@link #setSelinuxLabel}, for showing before it runs. */
    String chconCommand(Path file, String context, boolean followLinks);

    /** The context restorecon would give this path, if the host has a file-context policy. */
    Optional<String> defaultSelinuxLabel(Path file);

    /**
     * Gives the file restorecon's label and returns it; fails with
     * {@link FileLabelException.Reason#NOT_SUPPORTED} when the host's policy has none for it.
     */
    String restoreDefaultLabel(Path file, boolean followLinks);

    /**
     * The original context libvirt remembered ({@code trusted.libvirt.security.selinux}) when it
     * relabelled the file for a VM; empty when libvirt remembers nothing for it.
     */
    Optional<String> rememberedSelinuxLabel(Path file, boolean followLinks);

    /**
     * Puts back the remembered original and clears libvirt's remembering attributes, as libvirt
     * does when the last VM using the file stops. Returns the restored context; empty, with the
     * file untouched, when nothing was remembered ({@link #restoreDefaultLabel} is then what
     * libvirt would fall back to). Only for files no running VM uses.
     */
    Optional<String> restoreRememberedLabel(Path file, boolean followLinks);

    /** Changes a file's owner and group (the DAC label {@code +uid:+gid}). */
    void setOwner(Path file, int uid, int gid, boolean followLinks);

    /** The shell command equivalent to {@link #setOwner}, for showing before it runs. */
    String chownCommand(Path file, int uid, int gid, boolean followLinks);

    /** The label and user of a running process (a domain's QEMU), if it is visible from here. */
    Optional<ProcessLabel> processLabel(long pid);

    /**
     * The user IDs of every process on the host, for telling a UID in use by a VM this connection
     * cannot see (another user's, under libvirt's access control); empty when unknown.
     */
    default Optional<Set<Integer>> processUids() {
        return Optional.empty();
    }

    /**
     * The QEMU process libvirt started for the domain with this UUID (its command line carries
     * {@code -uuid UUID}), where the hypervisor did not say its pid; empty when none is found.
     */
    default Optional<ProcessLabel> qemuProcess(String domainUuid) {
        return Optional.empty();
    }

    /**
     * Whether the loaded policy makes the domain type of each of {@code domainContexts}
     * permissive (the SELinux contexts QEMU processes run under, or would), and the mode of each
     * AppArmor profile. Cheap enough to ask every few seconds. What cannot be read is left out of
     * the answer, with a note: never reported as enforced.
     */
    default EnforcementFacts enforcementFacts(Set<String> domainContexts) {
        return EnforcementFacts.unknown("this host's policy cannot be read from here");
    }

    /**
     * The kernel's audit log ({@code /var/log/audit/audit.log}) from byte {@code offset} on,
     * without re-reading what came before: complete lines only, and the offset to read from next
     * time. A log that cannot be read (missing, not allowed, not reachable) is
     * {@link AuditReading.Unreadable} with the reason, never an empty list.
     */
    default AuditReading auditSince(long offset) {
        return new AuditReading.Unreadable("this host's audit log cannot be read from here");
    }

    /**
     * The file rules libvirt wrote for an AppArmor profile it generated for one VM
     * ({@link AppArmorFileRules#pathOf}); empty when the host has none for it or they cannot be
     * read from here.
     */
    default Optional<AppArmorFileRules> appArmorFileRules(String profile) {
        return Optional.empty();
    }
}
