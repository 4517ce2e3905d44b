package org.bulkhead.hostsec.jna;

import java.util.Map;

/** The Linux errno values this adapter reacts to, and their symbolic names for messages. */
public final class Errno {

    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EACCES = 13;
    public static final int EINVAL = 22;
    public static final int EROFS = 30;
    public static final int ERANGE = 34;
    public static final int ENODATA = 61;
    /** Also ENOTSUP: Linux gives both names the same value. */
    public static final int EOPNOTSUPP = 95;

    private static final Map<Integer, String> NAMES = Map.of(
            EPERM, "EPERM", ENOENT, "ENOENT", ESRCH, "ESRCH", EACCES, "EACCES", EINVAL, "EINVAL",
            EROFS, "EROFS", ERANGE, "ERANGE", ENODATA, "ENODATA", EOPNOTSUPP, "EOPNOTSUPP");

    private Errno() {
    }

    /** {@code ENOENT}, or {@code errno 5} for values without a name here. */
    public static String name(int errno) {
        return NAMES.getOrDefault(errno, "errno " + errno);
    }
}
