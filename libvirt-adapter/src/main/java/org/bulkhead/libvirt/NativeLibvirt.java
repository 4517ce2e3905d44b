package org.bulkhead.libvirt;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few libvirt C calls that libvirt-java 0.5.4 does not wrap: the batched statistics calls
 * (one round trip for every domain, or for a chosen few, instead of one per domain), the domain
 * handles they take and return, and the graphics descriptor a console reads. Loaded from the same {@code libvirt.so.0} as libvirt-java, so the
 * connection pointers of both are interchangeable.
 */
interface NativeLibvirt extends com.sun.jna.Library {

    NativeLibvirt INSTANCE = Native.load("virt", NativeLibvirt.class);

    /** virDomainStatsTypes */
    int STATS_STATE = 1;
    int STATS_CPU_TOTAL = 2;
    int STATS_BALLOON = 4;
    int STATS_VCPU = 8;

    /** virConnectGetAllDomainStatsFlags: only running (active) domains. */
    int STATS_ACTIVE_ONLY = 1;

    /** virTypedParameterType */
    int PARAM_INT = 1;
    int PARAM_UINT = 2;
    int PARAM_LLONG = 3;
    int PARAM_ULLONG = 4;

    /** VIR_TYPED_PARAM_FIELD_LENGTH: the fixed name buffer at the start of virTypedParameter. */
    int PARAM_FIELD_LENGTH = 80;

    /** VIR_UUID_STRING_BUFLEN */
    int UUID_STRING_LENGTH = 37;

    /**
     * Fills {@code records} with a NULL-terminated array of virDomainStatsRecordPtr
     * ({@code {virDomainPtr dom; virTypedParameterPtr params; int nparams;}}).
     */
    int virConnectGetAllDomainStats(Pointer connection, int stats, PointerByReference records, int flags);

    /** Frees the array, its records and the domain handles in them. */
    void virDomainStatsRecordListFree(Pointer records);

    int virDomainGetUUIDString(Pointer domain, byte[] uuid);

    /** virDomainOpenGraphicsFlags: let the client in without the display's own password. */
    int OPEN_GRAPHICS_SKIPAUTH = 1;

    /** A new domain handle, or null (the domain is gone) with libvirt's last error set. */
    Pointer virDomainLookupByUUIDString(Pointer connection, String uuid);

    int virDomainFree(Pointer domain);

    /**
     * As {@link #virConnectGetAllDomainStats} for the given domains only; {@code domains} is
     * NULL-terminated and list-filtering flags are refused.
     */
    int virDomainListGetStats(Pointer[] domains, int stats, PointerByReference records, int flags);

    /**
     * Asks QEMU for a new client connection to the {@code idx}-th graphics device and returns a
     * descriptor for it, passed over the daemon's UNIX socket (so only local connections work).
     */
    int virDomainOpenGraphicsFD(Pointer domain, int idx, int flags);
}
