package org.bulkhead.model.provision;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Facts about files on this machine that pre-flight checks need and the label port does not
 * give: filesystem type, extended-attribute support, directory permissions. Implemented by the
 * host-security adapter; every method may touch the disk, so call it off the UI thread.
 */
public interface HostFiles {

    /** What the path is; empty when it does not exist. Symbolic links are followed. */
    Optional<PathFacts> facts(Path path);

    /** Lets everyone traverse (not list) {@code dir}: {@code chmod o+x}. */
    void allowTraverse(Path dir);

    /** The shell command equivalent to {@link #allowTraverse}, for showing before it runs. */
    String allowTraverseCommand(Path dir);

    /**
     * @param filesystemType the kernel's name for the filesystem (ext4, nfs4, fuse.sshfs, tmpfs...)
     * @param xattrs         whether the filesystem stores extended attributes, which libvirt needs to
     *                       remember and restore the original owner and label
     */
    record PathFacts(Path path, int uid, int gid, int mode, boolean directory, String filesystemType,
            boolean xattrs) {

        /** Whether a process with this uid and gid (no other groups) may traverse the directory. */
        public boolean traversableBy(int processUid, int processGid) {
            return allows(processUid, processGid, 1);
        }

        /** Whether a process with this uid and gid (no other groups) may open the file for reading and writing. */
        public boolean readWritableBy(int processUid, int processGid) {
            return allows(processUid, processGid, 6);
        }

        // The kernel uses the first class that matches (owner, group, others), not the most permissive.
        private boolean allows(int processUid, int processGid, int bits) {
            if (processUid == 0) {
                return true;
            }
            int shift = processUid == uid ? 6 : processGid == gid ? 3 : 0;
            return ((mode >> shift) & bits) == bits;
        }
    }
}
