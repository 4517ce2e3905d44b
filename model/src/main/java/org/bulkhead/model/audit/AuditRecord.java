package org.bulkhead.model.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One line of the kernel's audit log ({@code /var/log/audit/audit.log}), as auditd writes it:
 * {@code type=AVC msg=audit(1796050873.064:644): field=value ...}. Records with the same
 * {@link #eventId} form one event (an AVC, its SYSCALL, its PROCTITLE...).
 *
 * @param fields every {@code key=value} of the record, quotes removed and hex-encoded values
 *               decoded; a user message's inner {@code msg='...'} fields are merged in
 * @param permissions an AVC's permission set ({@code { read open }}), empty for other records
 */
public record AuditRecord(String type, Instant time, long serial, Map<String, String> fields,
        Set<String> permissions) {

    /**
     * Fields the kernel hex-encodes when their value holds a space, a quote or a control byte
     * (audit_log_untrustedstring): then they appear unquoted, in upper-case hex.
     */
    private static final Set<String> UNTRUSTED = Set.of("proctitle", "name", "path", "comm", "exe", "cwd", "cmd",
            "data", "key", "vm", "dev", "profile", "info", "cgroup");

    public AuditRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        fields = Map.copyOf(fields);
        permissions = Set.copyOf(permissions);
    }

    /** {@code time:serial}, what ties the records of one event together. */
    public String eventId() {
        return time.getEpochSecond() + "." + String.format("%03d", time.getNano() / 1_000_000) + ":" + serial;
    }

    public Optional<String> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /**
     * Parses one line.
     *
     * @throws AuditFormatException naming the part of the line that is not an audit record
     */
    public static AuditRecord parse(String line) {
        String text = line.strip();
        if (!text.startsWith("type=")) {
            throw new AuditFormatException("not an audit record (no type= at the start): " + abbreviate(text));
        }
        int space = text.indexOf(' ');
        if (space < 0) {
            throw new AuditFormatException("audit record without msg=audit(...): " + abbreviate(text));
        }
        String type = text.substring("type=".length(), space);
        String rest = text.substring(space + 1);
        if (!rest.startsWith("msg=audit(")) {
            throw new AuditFormatException("audit record of type " + type + " without msg=audit(...): "
                    + abbreviate(text));
        }
        int close = rest.indexOf("):");
        if (close < 0) {
            throw new AuditFormatException("unterminated msg=audit( in record of type " + type + ": " + abbreviate(text));
        }
        String stamp = rest.substring("msg=audit(".length(), close);
        int colon = stamp.indexOf(':');
        Instant time;
        long serial;
        try {
            String[] seconds = stamp.substring(0, colon).split("\\.");
            time = Instant.ofEpochSecond(Long.parseLong(seconds[0]),
                    seconds.length > 1 ? Long.parseLong((seconds[1] + "000").substring(0, 3)) * 1_000_000 : 0);
            serial = Long.parseLong(stamp.substring(colon + 1));
        } catch (RuntimeException e) {
            throw new AuditFormatException("bad time stamp '" + stamp + "' in record of type " + type, e);
        }
        String body = rest.substring(close + 2).strip();
        Map<String, String> fields = new LinkedHashMap<>();
        Set<String> permissions = Set.of();
        if (body.startsWith("avc:")) {
            // avc:  denied  { read open } for  pid=... : the verdict and permission set are not key=value.
            int open = body.indexOf('{');
            int end = body.indexOf('}', open + 1);
            if (open < 0 || end < 0) {
                throw new AuditFormatException("AVC record without a {permission} set: " + abbreviate(text));
            }
            fields.put("avc", body.substring("avc:".length(), open).strip());
            permissions = Set.of(body.substring(open + 1, end).strip().split("\\s+"));
            body = body.substring(end + 1).replaceFirst("^\\s*for\\s", " ");
        }
        parseFields(body, fields);
        return new AuditRecord(type, time, serial, fields, permissions);
    }

    private static void parseFields(String body, Map<String, String> into) {
        int i = 0;
        int length = body.length();
        while (i < length) {
            while (i < length && (body.charAt(i) == ' ' || body.charAt(i) == '\u001d')) {
                i++; // auditd separates enriched fields with a group separator (0x1d)
            }
            int equals = body.indexOf('=', i);
            if (equals < 0) {
                return;
            }
            String key = body.substring(i, equals);
            if (key.contains(" ")) {
                // A word without a value (an old kernel's "avc:" tail); skip it.
                i = body.indexOf(' ', i) + 1;
                if (i == 0) {
                    return;
                }
                continue;
            }
            int start = equals + 1;
            String value;
            if (start < length && (body.charAt(start) == '"' || body.charAt(start) == '\'')) {
                char quote = body.charAt(start);
                int end = body.indexOf(quote, start + 1);
                if (end < 0) {
                    end = length;
                }
                value = body.substring(start + 1, end);
                i = end + 1;
                if (key.equals("msg") && quote == '\'') {
                    // A user-space message (VIRT_*, USER_*): its own fields, one level down.
                    parseFields(value, into);
                    continue;
                }
            } else {
                int end = start;
                while (end < length && body.charAt(end) != ' ' && body.charAt(end) != '\u001d') {
                    end++;
                }
                value = body.substring(start, end);
                i = end;
                if (UNTRUSTED.contains(key)) {
                    value = decodeHex(value).orElse(value);
                }
            }
            into.putIfAbsent(key, value);
        }
    }

    /** An untrusted field in hex: the bytes as UTF-8, NULs (between argv words) as spaces. */
    static Optional<String> decodeHex(String value) {
        if (value.isEmpty() || value.length() % 2 != 0 || !value.chars().allMatch(c -> (c >= '0' && c <= '9')
                || (c >= 'A' && c <= 'F'))) {
            return Optional.empty();
        }
        byte[] bytes = new byte[value.length() / 2];
        for (int b = 0; b < bytes.length; b++) {
            bytes[b] = (byte) Integer.parseInt(value.substring(2 * b, 2 * b + 2), 16);
        }
        return Optional.of(new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ').strip());
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
