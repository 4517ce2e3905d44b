package org.bulkhead.model.label;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A DAC label {@code user:group} as libvirt's DAC driver takes it: {@code +64055:+64055},
 * {@code qemu:kvm}, {@code +107:kvm}. A leading {@code +} forces a numeric ID.
 */
public record DacLabel(String user, String group) {

    public DacLabel {
        checkPart("user", user, user);
        checkPart("group", group, group);
    }

    /** The label {@code +uid:+gid}, the form that needs no name lookup on the host. */
    public static DacLabel ofIds(int uid, int gid) {
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException("IDs cannot be negative: " + uid + ":" + gid);
        }
        return new DacLabel("+" + uid, "+" + gid);
    }

    public static DacLabel parse(String text) {
        Objects.requireNonNull(text, "DAC label");
        int colon = text.indexOf(':');
        if (colon < 0 || text.indexOf(':', colon + 1) >= 0) {
            throw new LabelFormatException("DAC label", text, text,
                    "a DAC label is user:group with exactly one ':', e.g. +107:+107 or qemu:kvm");
        }
        String user = text.substring(0, colon);
        String group = text.substring(colon + 1);
        checkPart("user", user, text);
        checkPart("group", group, text);
        return new DacLabel(user, group);
    }

    private static void checkPart(String what, String value, String input) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new LabelFormatException(what, "", input,
                    "a DAC label is user:group with both parts given, e.g. +107:+107");
        }
        if (value.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isISOControl(cp))) {
            throw new LabelFormatException(what, value, input,
                    "names and IDs cannot contain whitespace or control characters");
        }
        if (value.indexOf(':') >= 0) {
            throw new LabelFormatException(what, value, input, "a " + what + " cannot contain ':'");
        }
        numericId(what, value, input);
    }

    /** The numeric ID of {@code value}, or -1 when it is a name. */
    private static long numericId(String what, String value, String input) {
        boolean forced = value.charAt(0) == '+';
        String digits = forced ? value.substring(1) : value;
        boolean allDigits = !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!allDigits) {
            if (forced) {
                throw new LabelFormatException(what, value, input,
                        "a leading '+' means a numeric ID, e.g. +107");
            }
            return -1;
        }
        // IDs are kept as int (OptionalInt); real UIDs and GIDs stay far below 2^31.
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 10 || Long.parseLong(significant) > Integer.MAX_VALUE) {
            throw new LabelFormatException(what, value, input,
                    "IDs run from 0 to " + Integer.MAX_VALUE);
        }
        return Long.parseLong(significant);
    }

    /**
     * The user's numeric ID: for {@code +N}, and also for a bare number (libvirt falls back to the
     * number when no user has that name, and hosts practically never have numeric user names).
     */
    public OptionalInt uid() {
        long id = numericId("user", user, user);
        return id < 0 ? OptionalInt.empty() : OptionalInt.of((int) id);
    }

    /** The group's numeric ID, by the same rule as {@link #uid()}. */
    public OptionalInt gid() {
        long id = numericId("group", group, group);
        return id < 0 ? OptionalInt.empty() : OptionalInt.of((int) id);
    }

    @Override
    public String toString() {
        return user + ':' + group;
    }
}
