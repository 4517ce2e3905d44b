package org.bulkhead.hostsec.jna;

/** A native call returned failure; {@link #errno()} says why, as the C library reported it. */
public class ErrnoException extends RuntimeException {

    private final String call;
    private final int errno;

    public ErrnoException(String call, String subject, int errno) {
        super(call + "(" + subject + ") failed: " + Errno.name(errno));
        this.call = call;
        this.errno = errno;
    }

    /** The C function that failed, for example {@code lsetxattr}. */
    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }
}
