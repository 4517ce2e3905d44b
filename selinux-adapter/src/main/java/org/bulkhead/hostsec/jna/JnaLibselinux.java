package org.bulkhead.hostsec.jna;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Path;
import java.util.Optional;

/** {@link Libselinux} on the host's real {@code libselinux.so.1}, loaded through JNA. */
public final class JnaLibselinux implements Libselinux {

    private final LibselinuxLibrary lib;

    private JnaLibselinux(LibselinuxLibrary lib) {
        this.lib = lib;
    }

    /** The host's libselinux, or empty where it is not installed (or the host is not Linux). */
    public static Optional<Libselinux> load() {
        if (!Platform.isLinux()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JnaLibselinux(Native.load("selinux", LibselinuxLibrary.class)));
        } catch (LinkageError absent) {
            // No libselinux (or no JNA native stub): the caller falls back to plain xattrs.
            return Optional.empty();
        }
    }

    @Override
    public boolean isSelinuxEnabled() {
        return lib.is_selinux_enabled() == 1;
    }

    @Override
    public int securityGetenforce() {
        return lib.security_getenforce();
    }

    @Override
    public Optional<String> getfilecon(Path file, boolean followLinks) {
        var context = new PointerByReference();
        String path = file.toString();
        int result = followLinks ? lib.getfilecon(path, context) : lib.lgetfilecon(path, context);
        if (result < 0) {
            int errno = Native.getLastError();
            if (errno == Errno.ENODATA) {
                return Optional.empty();
            }
            throw new ErrnoException(followLinks ? "getfilecon" : "lgetfilecon", path, errno);
        }
        return Optional.ofNullable(take(context));
    }

    @Override
    public void setfilecon(Path file, String context, boolean followLinks) {
        String path = file.toString();
        int result = followLinks ? lib.setfilecon(path, context) : lib.lsetfilecon(path, context);
        if (result < 0) {
            throw new ErrnoException(followLinks ? "setfilecon" : "lsetfilecon", path, Native.getLastError());
        }
    }

    @Override
    public Optional<String> getpidcon(long pid) {
        var context = new PointerByReference();
        if (lib.getpidcon(Math.toIntExact(pid), context) < 0) {
            int errno = Native.getLastError();
            if (errno == Errno.ESRCH || errno == Errno.ENOENT) {
                return Optional.empty();
            }
            throw new ErrnoException("getpidcon", Long.toString(pid), errno);
        }
        return Optional.ofNullable(take(context));
    }

    @Override
    public boolean securityCheckContext(String context) {
        return lib.security_check_context(context) == 0;
    }

    @Override
    public Path virtualDomainContextPath() {
        return Path.of(lib.selinux_virtual_domain_context_path());
    }

    @Override
    public Path virtualImageContextPath() {
        return Path.of(lib.selinux_virtual_image_context_path());
    }

    @Override
    public Optional<String> defaultFileContext(Optional<Path> fileContexts, String path, int mode) {
        LibselinuxLibrary.SelinuxOpt option = null;
        if (fileContexts.isPresent()) {
            option = new LibselinuxLibrary.SelinuxOpt();
            option.type = LibselinuxLibrary.SELABEL_OPT_PATH;
            option.value = fileContexts.get().toString();
        }
        Pointer handle = lib.selabel_open(LibselinuxLibrary.SELABEL_CTX_FILE, option, option == null ? 0 : 1);
        if (handle == null) {
            return absentWhenNoEntry("selabel_open", fileContexts.map(Path::toString).orElse("policy"));
        }
        // Opened per lookup: restores are rare, and a shared handle would need its own lifecycle.
        try {
            var context = new PointerByReference();
            if (lib.selabel_lookup(handle, context, path, mode) < 0) {
                return absentWhenNoEntry("selabel_lookup", path);
            }
            return Optional.ofNullable(take(context));
        } finally {
            lib.selabel_close(handle);
        }
    }

    @Override
    public String translatedToRaw(String context) {
        var raw = new PointerByReference();
        if (lib.selinux_trans_to_raw_context(context, raw) < 0) {
            throw new ErrnoException("selinux_trans_to_raw_context", context, Native.getLastError());
        }
        String result = take(raw);
        return result == null ? context : result;
    }

    @Override
    public String rawToTranslated(String context) {
        var translated = new PointerByReference();
        if (lib.selinux_raw_to_trans_context(context, translated) < 0) {
            throw new ErrnoException("selinux_raw_to_trans_context", context, Native.getLastError());
        }
        String result = take(translated);
        return result == null ? context : result;
    }

    @Override
    public boolean permissiveDomain(String context) {
        short process = lib.string_to_security_class("process");
        if (process == 0) {
            throw new ErrnoException("string_to_security_class", "process", Native.getLastError());
        }
        var decision = new LibselinuxLibrary.AvDecision();
        if (lib.security_compute_av_flags(context, context, process, 0, decision) < 0) {
            throw new ErrnoException("security_compute_av_flags", context, Native.getLastError());
        }
        return (decision.flags & LibselinuxLibrary.SELINUX_AVD_FLAGS_PERMISSIVE) != 0;
    }

    /** ENOENT from the file-context backend means "no policy" or "no entry": no default. */
    private static Optional<String> absentWhenNoEntry(String call, String subject) {
        int errno = Native.getLastError();
        if (errno == Errno.ENOENT) {
            return Optional.empty();
        }
        throw new ErrnoException(call, subject, errno);
    }

    /** Reads a library-allocated string and frees it, so no result ever leaks. */
    private String take(PointerByReference reference) {
        Pointer value = reference.getValue();
        if (value == null) {
            return null;
        }
        try {
            return value.getString(0);
        } finally {
            lib.freecon(value);
        }
    }
}
