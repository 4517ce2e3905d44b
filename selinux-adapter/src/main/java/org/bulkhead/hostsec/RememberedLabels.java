package org.bulkhead.hostsec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bulkhead.hostsec.jna.Errno;
import org.bulkhead.hostsec.jna.ErrnoException;
import org.bulkhead.hostsec.jna.Libc;

/**
 * The original SELinux label libvirt keeps on a file it relabelled, in {@code trusted.} xattrs
 * (root-only), with a reference count of the VMs using the file and the host's boot time.
 */
final class RememberedLabels {

    static final String LABEL = "trusted.libvirt.security.selinux";
    static final String REFERENCES = "trusted.libvirt.security.ref_selinux";
    static final String TIMESTAMP = "trusted.libvirt.security.timestamp_selinux";

    private final Libc libc;

    RememberedLabels(Libc libc) {
        this.libc = libc;
    }

    /** Read from the path itself: callers resolve links first, as libvirt does. */
    Optional<String> read(Path file) {
        try {
            return libc.getxattr(file, LABEL, false).map(XattrContextStore::text);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EOPNOTSUPP) {
                return Optional.empty();
            }
            throw FileLabelErrors.of(e, file, "read libvirt's remembered label of");
        }
    }

    /** Drops all three, so libvirt's next start of a VM remembers the label afresh. */
    void forget(Path file) {
        for (String name : List.of(LABEL, REFERENCES, TIMESTAMP)) {
            try {
                libc.removexattr(file, name, false);
            } catch (ErrnoException e) {
                throw FileLabelErrors.of(e, file, "clear libvirt's remembered label of");
            }
        }
    }
}
