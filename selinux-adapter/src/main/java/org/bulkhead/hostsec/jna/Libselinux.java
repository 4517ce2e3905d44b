package org.bulkhead.hostsec.jna;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The parts of libselinux Bulkhead uses, in Java terms. {@link JnaLibselinux} calls the real
 * library; tests inject fakes to drive the probe through hosts this machine is not.
 * Failures throw {@link ErrnoException} carrying the C library's errno.
 */
public interface Libselinux {

    /** {@code is_selinux_enabled()}: the kernel has SELinux and a policy is loaded. */
    boolean isSelinuxEnabled();

    /** {@code security_getenforce()}: 1 enforcing, 0 permissive, -1 when selinuxfs is absent. */
    int securityGetenforce();

    /** The file's context ({@code getfilecon}/{@code lgetfilecon}); empty when it has none. */
    Optional<String> getfilecon(Path file, boolean followLinks);

    /** {@code setfilecon}/{@code lsetfilecon}. */
    void setfilecon(Path file, String context, boolean followLinks);

    /** {@code getpidcon}; empty when no such process exists. */
    Optional<String> getpidcon(long pid);

    /** {@code security_check_context}: whether the loaded policy accepts this context. */
    boolean securityCheckContext(String context);

    /** {@code selinux_virtual_domain_context_path()}: line 1 KVM domains, line 2 TCG. */
    Path virtualDomainContextPath();

    /** {@code selinux_virtual_image_context_path()}: line 1 images, line 2 read-only content. */
    Path virtualImageContextPath();

    /**
     * restorecon's answer for a path ({@code selabel_lookup} on the file-context backend), from
     * {@code fileContexts} if given, else the installed policy's. Empty when there is no policy
     * or the policy gives the path no context.
     */
    Optional<String> defaultFileContext(Optional<Path> fileContexts, String path, int mode);

    /** {@code selinux_trans_to_raw_context}: the form libvirt's XML and the kernel use. */
    String translatedToRaw(String context);

    /** {@code selinux_raw_to_trans_context}: the form mcstrans shows people. */
    String rawToTranslated(String context);

    /**
     * Whether the loaded policy makes the domain of {@code context} permissive: the
     * {@code SELINUX_AVD_FLAGS_PERMISSIVE} bit of {@code security_compute_av_flags} for the
     * context acting on itself as a process (the flag is the source type's, whatever the access).
     */
    boolean permissiveDomain(String context);
}
