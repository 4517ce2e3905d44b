package org.bulkhead.model.provision;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Facts about files on this machine that pre-flight checks need and the label port does not
 * give: filesystem type, extended-attribute support, permissions, real paths and file identity.
 * Implemented by the host-security adapter; every method may touch the disk, so call it off the
 * UI thread.
 */
public interface HostFiles {

    /** What the path is; empty when it does not exist. Symbolic links are followed. */
    Optional<PathFacts> facts(Path path);

    /** Lets everyone traverse (not list) {@code dir}: {@code chmod o+x}. */
    void allowTraverse(Path dir);

    /** The shell command equivalent to {@link #allowTraverse}, for showing before it runs. */
    String allowTraverseCommand(Path dir);

    /** Sets the permission bits of {@code file} (symbolic links followed). */
    void setMode(Path file, int mode);

    /**
     * Copies {@code file} into {@code dir} under a name that is not taken yet, with at most the
     * permission bits {@code mode} (never more than the original had), and returns the copy.
     */
    Path copyInto(Path file, Path dir, int mode);

    /** The user Bulkhead runs as, whose own files it may hand to a VM. */
    int userId();

    /** The user's home directory, if there is one. */
    Optional<Path> userHome();

    /**
     * Directories the administrator or the user allowed VM sources from, one per line in
     * {@code /etc/bulkhead/allowed-sources} and {@code $XDG_CONFIG_HOME/bulkhead/allowed-sources}.
     */
    List<Path> allowedSourceDirectories();

    /**
     * @param filesystemType the kernel's name for the filesystem (ext4, nfs4, fuse.sshfs, tmpfs...)
     * @param xattrs         whether the filesystem stores extended attributes, which libvirt needs to
     *                       remember and restore the original owner and label
     * @param realPath       the path with every symbolic link resolved
     * @param identity       device and inode ("dev:ino"): two paths with the same identity are one file
     * @param links          the number of hard links (names) the file has
     * @param regularFile    a plain file (not a directory, device, socket or pipe)
     */
    record PathFacts(Path path, int uid, int gid, int mode, boolean directory, String filesystemType,
            boolean xattrs, Path realPath, String identity, int links, boolean regularFile) {

        /** Facts of a path that is its own real path and has one name. */
        public PathFacts(Path path, int uid, int gid, int mode, boolean directory, String filesystemType,
                boolean xattrs) {
            this(path, uid, gid, mode, directory, filesystemType, xattrs, path, path.toString(), 1, !directory);
        }

        /** Whether a process with this uid and gid (no other groups) may traverse the directory. */
        public boolean traversableBy(int processUid, int processGid) {
            return allows(processUid, processGid, 1);
        }

        /** Whether a process with this uid and gid (no other groups) may open the file for reading. */
        public boolean readableBy(int processUid, int processGid) {
            return allows(processUid, processGid, 4);
        }

        /** Whether a process with this uid and gid (no other groups) may open the file for reading and writing. */
        public boolean readWritableBy(int processUid, int processGid) {
            return allows(processUid, processGid, 6);
        }

        /** Whether anyone but the owner may read or write the file (group or other bits). */
        public boolean openToOthers() {
            return (mode & 066) != 0;
        }

        /** The permission bits as {@code 0644}. */
        public String modeOctal() {
            return String.format("%04o", mode & 07777);
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
