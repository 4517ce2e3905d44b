package org.bulkhead.hostsec;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.bulkhead.hostsec.jna.Errno;
import org.bulkhead.hostsec.jna.ErrnoException;
import org.bulkhead.model.hostsec.FileLabelException;
import org.bulkhead.model.hostsec.FileLabelException.Reason;

/** Turns a failed call into a {@link FileLabelException} that says what to do about it. */
final class FileLabelErrors {

    private FileLabelErrors() {
    }

    /**
     * @param action what was being done, completing "cannot ... {@code file}", e.g.
     *               "set the SELinux label of"
     */
    static FileLabelException of(ErrnoException error, Path file, String action) {
        String cannot = "cannot " + action + " " + file + ": ";
        return switch (error.errno()) {
            case Errno.ENOENT -> notFound(file, cannot, error);
            case Errno.EPERM, Errno.EACCES -> new FileLabelException(file, Reason.PERMISSION_DENIED,
                    cannot + "permission denied. Run Bulkhead as root, or check the file's owner"
                            + ownerHint(file) + " and that it is not immutable (lsattr)", error);
            case Errno.EOPNOTSUPP, Errno.ENODATA -> new FileLabelException(file, Reason.NOT_SUPPORTED,
                    cannot + "the filesystem holding " + file + " does not support SELinux labels"
                            + " (NFS or FUSE?): store the image on a local filesystem, or allow it with"
                            + " `setsebool -P virt_use_nfs 1` / `virt_use_fusefs 1`", error);
            case Errno.EROFS -> new FileLabelException(file, Reason.READ_ONLY_FILESYSTEM,
                    cannot + "it is on a read-only filesystem: remount it read-write, or keep the"
                            + " image on a writable filesystem", error);
            case Errno.EINVAL -> new FileLabelException(file, Reason.INVALID_LABEL,
                    cannot + "the kernel rejected the label as invalid", error);
            default -> new FileLabelException(file, Reason.OTHER, cannot + error.getMessage(), error);
        };
    }

    static FileLabelException of(IOException error, Path file, String action) {
        String cannot = "cannot " + action + " " + file + ": ";
        if (error instanceof NoSuchFileException) {
            return notFound(file, cannot, error);
        }
        if (error instanceof AccessDeniedException) {
            return new FileLabelException(file, Reason.PERMISSION_DENIED,
                    cannot + "permission denied. Run Bulkhead as root, or check the permissions of"
                            + " the directories above it", error);
        }
        return new FileLabelException(file, Reason.OTHER, cannot + error.getMessage(), error);
    }

    private static FileLabelException notFound(Path file, String cannot, Exception cause) {
        // A dangling link exists itself, which confuses people told "does not exist".
        String why = Files.isSymbolicLink(file) && !Files.exists(file)
                ? "it is a symbolic link whose target does not exist"
                : "the file does not exist";
        return new FileLabelException(file, Reason.NOT_FOUND, cannot + why, cause);
    }

    private static String ownerHint(Path file) {
        try {
            return " (owned by uid " + Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS) + ")";
        } catch (IOException | UnsupportedOperationException unreadable) {
            return "";
        }
    }
}
