package org.bulkhead.hostsec.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.bulkhead.model.hostsec.SecurityDriverInfo.Enforcement;
import org.bulkhead.model.label.SecurityModel;

/**
 * AppArmor: applies when the kernel module says it is enabled and its securityfs directory
 * exists, so a module built in but switched off does not count. Mode and profiles are root-only.
 */
public final class AppArmorDriver implements SecurityDriver {

    @Override
    public SecurityModel model() {
        return SecurityModel.APPARMOR;
    }

    @Override
    public boolean applies(HostFacts host) {
        return host.isLinux()
                && read(parameter(host, "enabled")).map(value -> value.startsWith("Y")).orElse(false)
                && Files.isDirectory(securityfs(host));
    }

    @Override
    public SecurityDriverInfo describe(HostFacts host) {
        Optional<String> mode = read(parameter(host, "mode"));
        Optional<ProfileCounts> profiles = read(securityfs(host).resolve("profiles")).map(ProfileCounts::of);
        List<String> notes = new ArrayList<>();
        profiles.ifPresent(counts -> notes.add(counts.enforce() + " profiles in enforce mode, "
                + counts.complain() + " in complain mode"));
        Enforcement enforcement;
        if (mode.isPresent()) {
            // The module-wide mode overrides every profile's own when it is complain.
            enforcement = mode.get().equals("complain") ? Enforcement.COMPLAIN : Enforcement.ENFORCING;
        } else if (profiles.isPresent()) {
            enforcement = profiles.get().allComplain() ? Enforcement.COMPLAIN : Enforcement.ENFORCING;
        } else {
            enforcement = Enforcement.ENFORCING;
            notes.add("AppArmor's mode and profile list are readable by root only: assuming enforce mode");
        }
        return new SecurityDriverInfo(model().libvirtName(), "0", enforcement, Map.of(), notes);
    }

    /**
     * Each loaded profile's mode, from lines like {@code libvirt-<uuid> (enforce)}; empty when the
     * list cannot be read (no AppArmor, or not root).
     */
    public static Optional<Map<String, String>> profileModes(HostFacts host) {
        return read(securityfs(host).resolve("profiles")).map(AppArmorDriver::parseProfiles);
    }

    static Map<String, String> parseProfiles(String profileList) {
        Map<String, String> modes = new java.util.LinkedHashMap<>();
        for (String line : profileList.split("\n")) {
            int open = line.lastIndexOf(" (");
            if (open > 0 && line.endsWith(")")) {
                modes.put(line.substring(0, open), line.substring(open + 2, line.length() - 1));
            }
        }
        return modes;
    }

    private static Path parameter(HostFacts host, String name) {
        return host.sysRoot().resolve("module/apparmor/parameters").resolve(name);
    }

    private static Path securityfs(HostFacts host) {
        return host.sysRoot().resolve("kernel/security/apparmor");
    }

    /** The file's trimmed content; empty when it is absent or unreadable (root-only files). */
    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file).strip());
        } catch (IOException | SecurityException unreadable) {
            return Optional.empty();
        }
    }

    /** Profiles by mode, from lines like {@code libvirt-<uuid> (enforce)}. */
    record ProfileCounts(int enforce, int complain) {

        static ProfileCounts of(String profileList) {
            int enforce = 0;
            int complain = 0;
            for (String line : profileList.split("\n")) {
                if (line.endsWith("(enforce)") || line.endsWith("(kill)")) {
                    enforce++;
                } else if (line.endsWith("(complain)")) {
                    complain++;
                }
            }
            return new ProfileCounts(enforce, complain);
        }

        boolean allComplain() {
            return enforce == 0 && complain > 0;
        }
    }
}
