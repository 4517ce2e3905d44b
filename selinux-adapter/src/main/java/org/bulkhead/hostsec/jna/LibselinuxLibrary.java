package org.bulkhead.hostsec.jna;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;

/**
 * libselinux's C functions as JNA maps them. Every {@code char **} result is allocated by the
 * library and must be released with {@link #freecon}; the two context-path functions return
 * static strings that must not be freed.
 */
interface LibselinuxLibrary extends Library {

    /** {@code SELABEL_CTX_FILE}: the file-context backend restorecon uses. */
    int SELABEL_CTX_FILE = 0;
    /** {@code SELABEL_OPT_PATH}: use this file_contexts instead of the policy's own. */
    int SELABEL_OPT_PATH = 3;

    /** {@code SELINUX_AVD_FLAGS_PERMISSIVE}: the source domain is permissive. */
    int SELINUX_AVD_FLAGS_PERMISSIVE = 0x0001;

    int is_selinux_enabled();

    int security_getenforce();

    int getfilecon(String path, PointerByReference context);

    int lgetfilecon(String path, PointerByReference context);

    int setfilecon(String path, String context);

    int lsetfilecon(String path, String context);

    int getpidcon(int pid, PointerByReference context);

    int security_check_context(String context);

    String selinux_virtual_domain_context_path();

    String selinux_virtual_image_context_path();

    Pointer selabel_open(int backend, SelinuxOpt options, int optionCount);

    int selabel_lookup(Pointer handle, PointerByReference context, String key, int mode);

    void selabel_close(Pointer handle);

    int selinux_trans_to_raw_context(String translated, PointerByReference raw);

    int selinux_raw_to_trans_context(String raw, PointerByReference translated);

    void freecon(Pointer context);

    /** {@code string_to_security_class}: the class's number in the loaded policy, 0 when unknown. */
    short string_to_security_class(String name);

    int security_compute_av_flags(String scon, String tcon, short tclass, int requested, AvDecision avd);

    /** {@code struct av_decision}. */
    @Structure.FieldOrder({"allowed", "decided", "auditallow", "auditdeny", "seqno", "flags"})
    final class AvDecision extends Structure {
        public int allowed;
        public int decided;
        public int auditallow;
        public int auditdeny;
        public int seqno;
        public int flags;
    }

    /** {@code struct selinux_opt}: one option for {@code selabel_open}. */
    @Structure.FieldOrder({"type", "value"})
    final class SelinuxOpt extends Structure {
        public int type;
        public String value;
    }
}
