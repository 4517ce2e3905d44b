package org.bulkhead.hostsec;

import java.nio.file.Path;
import java.util.Optional;

/** Where a file's SELinux context lives: the {@code security.selinux} xattr, by some route. */
interface ContextStore {

    /** The raw context; empty when the file carries none. Throws {@code ErrnoException}. */
    Optional<String> read(Path file, boolean followLinks);

    /** Writes a context already validated. Throws {@code ErrnoException}. */
    void write(Path file, String context, boolean followLinks);
}
