package org.bulkhead.hostsec.jna;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Extended attributes and ownership through the C library, with errno kept for messages. */
public final class Libc {

    private static final int INITIAL_VALUE_SIZE = 256;

    private final LibcLibrary lib;

    private Libc(LibcLibrary lib) {
        this.lib = lib;
    }

    /** The C library of a Linux host; empty elsewhere, where these calls have other signatures. */
    public static Optional<Libc> load() {
        if (!Platform.isLinux()) {
            return Optional.empty();
        }
        return Optional.of(new Libc(Native.load(Platform.C_LIBRARY_NAME, LibcLibrary.class)));
    }

    /** An attribute's raw value; empty when the file does not carry it (ENODATA). */
    public Optional<byte[]> getxattr(Path file, String name, boolean followLinks) {
        String path = file.toString();
        byte[] buffer = new byte[INITIAL_VALUE_SIZE];
        while (true) {
            long length = getxattr(path, name, buffer, followLinks);
            if (length >= 0) {
                return Optional.of(Arrays.copyOf(buffer, (int) length));
            }
            int errno = Native.getLastError();
            if (errno == Errno.ENODATA) {
                return Optional.empty();
            }
            if (errno != Errno.ERANGE) {
                throw new ErrnoException(followLinks ? "getxattr" : "lgetxattr", path, errno);
            }
            // The value outgrew the buffer: ask its size, and retry in case it changes meanwhile.
            long size = getxattr(path, name, null, followLinks);
            if (size < 0) {
                throw new ErrnoException(followLinks ? "getxattr" : "lgetxattr", path, Native.getLastError());
            }
            buffer = new byte[(int) size];
        }
    }

    public void setxattr(Path file, String name, byte[] value, boolean followLinks) {
        String path = file.toString();
        var size = new NativeLong(value.length);
        int result = followLinks
                ? lib.setxattr(path, name, value, size, 0)
                : lib.lsetxattr(path, name, value, size, 0);
        if (result < 0) {
            throw new ErrnoException(followLinks ? "setxattr" : "lsetxattr", path, Native.getLastError());
        }
    }

    /** Removes an attribute; true if it was there. */
    public boolean removexattr(Path file, String name, boolean followLinks) {
        String path = file.toString();
        int result = followLinks ? lib.removexattr(path, name) : lib.lremovexattr(path, name);
        if (result == 0) {
            return true;
        }
        int errno = Native.getLastError();
        if (errno == Errno.ENODATA) {
            return false;
        }
        throw new ErrnoException(followLinks ? "removexattr" : "lremovexattr", path, errno);
    }

    public void chown(Path file, int uid, int gid, boolean followLinks) {
        String path = file.toString();
        int result = followLinks ? lib.chown(path, uid, gid) : lib.lchown(path, uid, gid);
        if (result < 0) {
            throw new ErrnoException(followLinks ? "chown" : "lchown", path, Native.getLastError());
        }
    }

    private long getxattr(String path, String name, byte[] buffer, boolean followLinks) {
        var size = new NativeLong(buffer == null ? 0 : buffer.length);
        NativeLong length = followLinks
                ? lib.getxattr(path, name, buffer, size)
                : lib.lgetxattr(path, name, buffer, size);
        return length.longValue();
    }
}
