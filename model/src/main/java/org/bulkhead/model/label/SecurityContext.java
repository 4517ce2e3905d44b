package org.bulkhead.model.label;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An SELinux security context {@code user:role:type[:range]}, e.g.
 * {@code system_u:system_r:svirt_t:s0:c471,c901}. The range is null for contexts of a policy
 * without MLS/MCS.
 */
public record SecurityContext(String user, String role, String type, Range range) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final String IDENTIFIER_RULE =
            "SELinux names use only letters, digits, '_', '.' and '-'";

    public SecurityContext {
        checkIdentifier("user", user, user);
        checkIdentifier("role", role, role);
        checkIdentifier("type", type, type);
    }

    /**
     * Parses a context. The range itself contains colons ({@code s0:c1,c2}), so the first three
     * fields are split off and whatever follows the third colon is parsed as a range.
     */
    public static SecurityContext parse(String text) {
        Objects.requireNonNull(text, "security context");
        if (text.isEmpty()) {
            throw new LabelFormatException("security context", "", text,
                    "a context is user:role:type or user:role:type:range");
        }
        int first = text.indexOf(':');
        int second = first < 0 ? -1 : text.indexOf(':', first + 1);
        if (second < 0) {
            throw new LabelFormatException("security context", text, text,
                    "a context is user:role:type or user:role:type:range, e.g. system_u:system_r:svirt_t:s0");
        }
        int third = text.indexOf(':', second + 1);
        String user = text.substring(0, first);
        String role = text.substring(first + 1, second);
        String type = third < 0 ? text.substring(second + 1) : text.substring(second + 1, third);
        checkIdentifier("user", user, text);
        checkIdentifier("role", role, text);
        checkIdentifier("type", type, text);
        if (third < 0) {
            return new SecurityContext(user, role, type, null);
        }
        String range = text.substring(third + 1);
        if (range.isEmpty()) {
            throw new LabelFormatException("range", "", text,
                    "drop the trailing ':' or give a level such as s0 after it");
        }
        return new SecurityContext(user, role, type, Range.parse(range, text));
    }

    private static void checkIdentifier(String what, String value, String input) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new LabelFormatException(what, "", input, "a context is user:role:type[:range] with no empty field");
        }
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new LabelFormatException(what, value, input, IDENTIFIER_RULE);
        }
    }

    /** The range, if the context has one. */
    public Optional<Range> optionalRange() {
        return Optional.ofNullable(range);
    }

    /** The low level of the range: the level the process runs at and labels its files with. */
    public Optional<Level> level() {
        return range == null ? Optional.empty() : Optional.of(range.low());
    }

    /** The MCS pair of the low level, present when that level has exactly two categories. */
    public Optional<McsPair> mcsPair() {
        return level().flatMap(McsPair::of);
    }

    /** This context with another range; null removes the range. */
    public SecurityContext withRange(Range newRange) {
        return new SecurityContext(user, role, type, newRange);
    }

    public SecurityContext withType(String newType) {
        return new SecurityContext(user, role, newType, range);
    }

    /** This context running at exactly {@code newLevel} (low and high both set to it). */
    public SecurityContext withLevel(Level newLevel) {
        return withRange(Range.of(newLevel));
    }

    /**
     * This context at {@code pair}, keeping the current low level's sensitivity ({@code s0} when
     * the context has no range): how a ledger-allocated pair becomes a static label.
     */
    public SecurityContext withMcsPair(McsPair pair) {
        String sensitivity = level().map(Level::sensitivity).orElse("s0");
        return withLevel(pair.level(sensitivity));
    }

    @Override
    public String toString() {
        String base = user + ':' + role + ':' + type;
        return range == null ? base : base + ':' + range;
    }
}
