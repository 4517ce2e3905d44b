package org.bulkhead.model.hostsec;

import java.nio.file.Path;
import java.util.Optional;

/** What a file carries: its SELinux context if any, owner, group and permission bits. */
public record FileLabel(Path path, Optional<String> selinuxContext, int uid, int gid, int mode) {

    /** The DAC form libvirt uses, {@code +uid:+gid}. */
    public String dacLabel() {
        return "+" + uid + ":+" + gid;
    }

    /** The permission bits in octal, like {@code 0600}. */
    public String modeOctal() {
        return String.format("%04o", mode & 07777);
    }
}
