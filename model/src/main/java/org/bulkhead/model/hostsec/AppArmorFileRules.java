package org.bulkhead.model.hostsec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The file rules libvirt's {@code virt-aa-helper} writes for one VM's profile
 * ({@code /etc/apparmor.d/libvirt/libvirt-<uuid>.files}, included by the profile): one line per
 * file the VM's QEMU may use, {@code "/var/lib/libvirt/images/a.qcow2" rwk,}. AppArmor allows by
 * path, so this list is what the VM can reach beyond the shared abstractions.
 *
 * @param rules each listed path and the permission letters it is given
 */
public record AppArmorFileRules(Map<String, String> rules) {

    /** Where libvirt keeps the per-VM profiles and their file lists. */
    public static final String DIRECTORY = "/etc/apparmor.d/libvirt";

    public AppArmorFileRules {
        rules = Map.copyOf(rules);
    }

    /** The file list of {@code profile} on its host. */
    public static String pathOf(String profile) {
        return DIRECTORY + "/" + profile + ".files";
    }

    /** Parses the file list; comments, blank lines and rules that are not a quoted path are skipped. */
    public static AppArmorFileRules parse(String text) {
        Map<String, String> rules = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (!line.startsWith("\"")) {
                continue;
            }
            int close = line.indexOf('"', 1);
            if (close < 0) {
                continue;
            }
            String path = line.substring(1, close);
            String permissions = line.substring(close + 1).replace(",", "").strip();
            // A file listed twice (a disk that is also a backing layer) gets the union of both rules.
            rules.merge(path, permissions, (a, b) -> a + b.chars().filter(c -> a.indexOf(c) < 0)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append));
        }
        return new AppArmorFileRules(rules);
    }

    /** The permission letters the profile gives {@code path}; empty when it does not list it. */
    public Optional<String> access(String path) {
        return Optional.ofNullable(rules.get(path));
    }
}
