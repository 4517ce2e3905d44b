package org.bulkhead.libvirt;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** The C library's calls on a raw descriptor, for the socket {@code virDomainOpenGraphicsFD} returns. */
interface NativeLibc extends com.sun.jna.Library {

    NativeLibc INSTANCE = Native.load("c", NativeLibc.class);

    int EINTR = 4;
    int SHUT_RDWR = 2;
    int F_GETFL = 3;
    int F_SETFL = 4;
    int O_NONBLOCK = 04000;
    int MSG_NOSIGNAL = 0x4000;

    NativeLong read(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

    /** send(2) with MSG_NOSIGNAL: a peer that went away is an error, not a SIGPIPE. */
    NativeLong send(int fd, Pointer buffer, NativeLong count, int flags) throws LastErrorException;

    int shutdown(int fd, int how) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int fcntl(int fd, int command, int argument) throws LastErrorException;
}
