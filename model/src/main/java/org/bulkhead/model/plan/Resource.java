package org.bulkhead.model.plan;

import java.util.Objects;

/**
 * A file (or file-like thing) of a domain that a security driver may label.
 *
 * @param path        the file's path; empty for resources without one (network disks, an
 *                    inactive pty), {@code pool/volume} for a volume not yet resolved to a path
 * @param description what it is to the user, e.g. {@code vda (qcow2, read-write)}
 */
public record Resource(Kind kind, String path, String description) {

    public enum Kind {
        DISK, CDROM, BACKING, KERNEL, INITRD, DTB, NVRAM, CHARDEV, SOCKET
    }

    public Resource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
    }
}
