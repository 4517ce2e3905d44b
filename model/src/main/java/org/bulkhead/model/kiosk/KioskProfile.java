package org.bulkhead.model.kiosk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

import org.bulkhead.model.domain.DomainNames;

/**
 * A kiosk: which template its guest sessions copy, on which connection, with how much memory,
 * for which local users or groups, full screen or windowed, with or without a network. Stored
 * system-wide in {@code /etc/bulkhead/kiosk.conf} as {@code key = value} lines (docs/kiosk.md).
 */
public record KioskProfile(String connect, String template, OptionalLong memoryMiB, List<String> users,
        List<String> groups, boolean fullScreen, boolean network) {

    /** Where {@code bulkhead kiosk setup} writes the profile and {@code bulkhead kiosk} reads it. */
    public static final String SYSTEM_FILE = "/etc/bulkhead/kiosk.conf";

    private static final Pattern ACCOUNT = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}\\$?");
    private static final Set<String> KEYS = Set.of("connect", "template", "memory", "users", "groups", "display",
            "network");

    public KioskProfile {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(memoryMiB, "memoryMiB");
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        if (connect.isBlank()) {
            throw new IllegalArgumentException("connect: a libvirt URI is needed, such as qemu:///system");
        }
        String templateProblem = DomainNames.validate(template).orElse("");
        if (!templateProblem.isEmpty()) {
            throw new IllegalArgumentException("template: " + templateProblem);
        }
        if (memoryMiB.isPresent() && memoryMiB.getAsLong() < 16) {
            throw new IllegalArgumentException("memory: at least 16 MiB, not " + memoryMiB.getAsLong());
        }
        for (String name : users) {
            account("users", name);
        }
        for (String name : groups) {
            account("groups", name);
        }
        if (users.isEmpty() && groups.isEmpty()) {
            throw new IllegalArgumentException("users, groups: name at least one local user or group who gets the kiosk");
        }
    }

    /** Whether the local user {@code user}, a member of {@code userGroups}, gets this kiosk. */
    public boolean allows(String user, Set<String> userGroups) {
        return users.contains(user) || groups.stream().anyMatch(userGroups::contains);
    }

    /**
     * Reads a profile.
     *
     * @param source where the text came from, for messages
     * @throws IllegalArgumentException naming the source, the line and what is wrong with it
     */
    public static KioskProfile parse(String text, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String where = source + ", line " + (i + 1);
            if (equals < 0) {
                throw new IllegalArgumentException(where + ": expected 'key = value', found '" + line + "'");
            }
            String key = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(equals + 1).strip();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "' (known: " + String.join(", ",
                        KEYS.stream().sorted().toList()) + ")");
            }
            if (values.put(key, value) != null) {
                throw new IllegalArgumentException(where + ": '" + key + "' is given twice");
            }
        }
        try {
            return new KioskProfile(values.getOrDefault("connect", "qemu:///system"),
                    required(values, "template"), memory(values.getOrDefault("memory", "")),
                    list(values.getOrDefault("users", "")), list(values.getOrDefault("groups", "")),
                    choice(values.getOrDefault("display", "fullscreen"), "display", "fullscreen", "windowed"),
                    choice(values.getOrDefault("network", "off"), "network", "on", "off"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** The file's text: a commented header, then every key, so what is in force is on the page. */
    public String toFileText() {
        return "# Bulkhead kiosk: guest sessions on disposable, isolated VMs (format: docs/kiosk.md).\n"
                + "# Written by 'bulkhead kiosk setup'; read by 'bulkhead kiosk'.\n"
                + "connect = " + connect + "\n"
                + "template = " + template + "\n"
                + "memory = " + (memoryMiB.isPresent() ? Long.toString(memoryMiB.getAsLong()) : "") + "\n"
                + "users = " + String.join(", ", users) + "\n"
                + "groups = " + String.join(", ", groups) + "\n"
                + "display = " + (fullScreen ? "fullscreen" : "windowed") + "\n"
                + "network = " + (network ? "on" : "off") + "\n";
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.getOrDefault(key, "");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + ": missing; name the shut-off VM whose disk the sessions copy");
        }
        return value;
    }

    private static OptionalLong memory(String text) {
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("memory: '" + text + "' is not a whole number of MiB");
        }
    }

    private static List<String> list(String text) {
        List<String> names = new ArrayList<>();
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
        return names;
    }

    private static boolean choice(String text, String key, String yes, String no) {
        if (text.equalsIgnoreCase(yes)) {
            return true;
        }
        if (text.equalsIgnoreCase(no)) {
            return false;
        }
        throw new IllegalArgumentException(key + ": '" + text + "' must be " + yes + " or " + no);
    }

    private static void account(String key, String name) {
        if (!ACCOUNT.matcher(name).matches()) {
            throw new IllegalArgumentException(key + ": '" + name + "' is not a valid local user or group name");
        }
    }
}
