package org.bulkhead.libvirt;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One virConnectGetAllDomainStats round trip, read into plain Java values. The records and
 * their domain handles are freed before this returns.
 */
final class DomainStatsBatch {

    /** The integer statistics of one domain, by libvirt's field name ("cpu.time", ...). */
    record Sample(String uuid, Map<String, Long> values) {

        long get(String field) {
            return values.getOrDefault(field, 0L);
        }

        boolean has(String field) {
            return values.containsKey(field);
        }
    }

    // virTypedParameter on LP64: char field[80]; int type; (4 bytes padding) union value (8 bytes).
    private static final int PARAM_TYPE_OFFSET = NativeLibvirt.PARAM_FIELD_LENGTH;
    private static final int PARAM_VALUE_OFFSET = PARAM_TYPE_OFFSET + 8;
    private static final int PARAM_SIZE = PARAM_VALUE_OFFSET + 8;

    private DomainStatsBatch() {
    }

    /**
     * @param stats  virDomainStatsTypes bits
     * @param flags  virConnectGetAllDomainStatsFlags (0: every domain, running or not)
     */
    static List<Sample> fetch(Pointer connection, int stats, int flags) throws NativeCallException {
        if (connection == null) {
            throw new IllegalStateException("connection is closed");
        }
        PointerByReference records = new PointerByReference();
        int count = NativeLibvirt.INSTANCE.virConnectGetAllDomainStats(connection, stats, records, flags);
        if (count < 0) {
            throw NativeCallException.lastError("virConnectGetAllDomainStats failed");
        }
        return readAll(records.getValue(), count);
    }

    /**
     * One virDomainListGetStats round trip for the domains with these UUIDs; domains that are gone
     * are left out (each is looked up first, which costs a round trip on remote connections).
     */
    static List<Sample> fetch(Pointer connection, Collection<String> uuids, int stats) throws NativeCallException {
        if (connection == null) {
            throw new IllegalStateException("connection is closed");
        }
        List<Pointer> handles = new ArrayList<>(uuids.size());
        try {
            for (String uuid : uuids) {
                Pointer domain = NativeLibvirt.INSTANCE.virDomainLookupByUUIDString(connection, uuid);
                if (domain != null) {
                    handles.add(domain);
                }
            }
            if (handles.isEmpty()) {
                return List.of();
            }
            Pointer[] domains = handles.toArray(new Pointer[handles.size() + 1]); // NULL-terminated
            PointerByReference records = new PointerByReference();
            int count = NativeLibvirt.INSTANCE.virDomainListGetStats(domains, stats, records, 0);
            if (count < 0) {
                throw NativeCallException.lastError("virDomainListGetStats failed");
            }
            return readAll(records.getValue(), count);
        } finally {
            handles.forEach(NativeLibvirt.INSTANCE::virDomainFree);
        }
    }

    private static List<Sample> readAll(Pointer array, int count) throws NativeCallException {
        if (array == null) {
            return List.of();
        }
        try {
            List<Sample> samples = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                samples.add(read(array.getPointer((long) i * Native.POINTER_SIZE)));
            }
            return samples;
        } finally {
            NativeLibvirt.INSTANCE.virDomainStatsRecordListFree(array);
        }
    }

    private static Sample read(Pointer record) throws NativeCallException {
        Pointer domain = record.getPointer(0);
        Pointer params = record.getPointer(Native.POINTER_SIZE);
        int count = record.getInt(2L * Native.POINTER_SIZE);
        Map<String, Long> values = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Pointer param = params.share((long) i * PARAM_SIZE);
            String field = param.getString(0, StandardCharsets.US_ASCII.name());
            int type = param.getInt(PARAM_TYPE_OFFSET);
            switch (type) {
                case NativeLibvirt.PARAM_INT -> values.put(field, (long) param.getInt(PARAM_VALUE_OFFSET));
                case NativeLibvirt.PARAM_UINT ->
                        values.put(field, Integer.toUnsignedLong(param.getInt(PARAM_VALUE_OFFSET)));
                case NativeLibvirt.PARAM_LLONG, NativeLibvirt.PARAM_ULLONG ->
                        values.put(field, param.getLong(PARAM_VALUE_OFFSET));
                default -> {
                    // doubles, booleans and strings: nothing Bulkhead samples
                }
            }
        }
        return new Sample(uuidOf(domain), values);
    }

    private static String uuidOf(Pointer domain) throws NativeCallException {
        byte[] buffer = new byte[NativeLibvirt.UUID_STRING_LENGTH];
        if (NativeLibvirt.INSTANCE.virDomainGetUUIDString(domain, buffer) < 0) {
            throw NativeCallException.lastError("virDomainGetUUIDString failed");
        }
        return Native.toString(buffer, StandardCharsets.US_ASCII.name());
    }
}
