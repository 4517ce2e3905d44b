package org.bulkhead.hostsec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.bulkhead.hostsec.jna.Libc;

/** Contexts straight from the xattr, for hosts without libselinux. */
final class XattrContextStore implements ContextStore {

    static final String SECURITY_SELINUX = "security.selinux";

    private final Libc libc;

    XattrContextStore(Libc libc) {
        this.libc = libc;
    }

    @Override
    public Optional<String> read(Path file, boolean followLinks) {
        return libc.getxattr(file, SECURITY_SELINUX, followLinks).map(XattrContextStore::text);
    }

    @Override
    public void write(Path file, String context, boolean followLinks) {
        // With the terminating NUL, byte for byte what libselinux's setfilecon stores.
        byte[] text = context.getBytes(StandardCharsets.UTF_8);
        libc.setxattr(file, SECURITY_SELINUX, Arrays.copyOf(text, text.length + 1), followLinks);
    }

    /** The value as text; the kernel keeps the NUL libselinux wrote, setfattr writes none. */
    static String text(byte[] value) {
        int end = value.length;
        while (end > 0 && value[end - 1] == 0) {
            end--;
        }
        return new String(value, 0, end, StandardCharsets.UTF_8);
    }
}
