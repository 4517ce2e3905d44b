package org.bulkhead.hostsec.jna;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;

/**
 * The Linux C library calls Java cannot make: the {@code security.} and {@code trusted.} xattr
 * namespaces are out of reach of {@code UserDefinedFileAttributeView}, and chown's errno is lost
 * behind localized {@code IOException} messages. {@code size_t} is a {@code NativeLong} on Linux.
 */
interface LibcLibrary extends Library {

    NativeLong getxattr(String path, String name, byte[] value, NativeLong size);

    NativeLong lgetxattr(String path, String name, byte[] value, NativeLong size);

    int setxattr(String path, String name, byte[] value, NativeLong size, int flags);

    int lsetxattr(String path, String name, byte[] value, NativeLong size, int flags);

    int removexattr(String path, String name);

    int lremovexattr(String path, String name);

    int chown(String path, int uid, int gid);

    int lchown(String path, int uid, int gid);
}
