package org.bulkhead.model.hostsec;

import java.util.Optional;

/** A process as the kernel sees it: its SELinux context if any, and its uid and gid. */
public record ProcessLabel(long pid, Optional<String> selinuxContext, int uid, int gid) {
}
