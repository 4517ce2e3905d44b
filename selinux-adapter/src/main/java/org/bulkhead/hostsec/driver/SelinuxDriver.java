package org.bulkhead.hostsec.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulkhead.hostsec.jna.Libselinux;
import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.bulkhead.model.hostsec.SecurityDriverInfo.Enforcement;
import org.bulkhead.model.label.SecurityModel;

/** SELinux: applies when libselinux is present and says SELinux is enabled. */
public final class SelinuxDriver implements SecurityDriver {

    @Override
    public SecurityModel model() {
        return SecurityModel.SELINUX;
    }

    @Override
    public boolean applies(HostFacts host) {
        return host.selinuxEnabled();
    }

    @Override
    public SecurityDriverInfo describe(HostFacts host) {
        Libselinux lib = host.libselinux().orElseThrow(
                () -> new IllegalStateException("the selinux driver needs libselinux"));
        Enforcement enforcement = switch (lib.securityGetenforce()) {
            case 1 -> Enforcement.ENFORCING;
            case 0 -> Enforcement.PERMISSIVE;
            default -> Enforcement.DISABLED;
        };
        Map<String, String> base = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        // Same files and line meanings libvirt's SELinux driver reads at start-up.
        readLines(lib.virtualDomainContextPath(), List.of("domain", "domain.tcg"), base, notes);
        readLines(lib.virtualImageContextPath(), List.of("image", "content"), base, notes);
        return new SecurityDriverInfo(model().libvirtName(), "0", enforcement, base, notes);
    }

    private static void readLines(Path file, List<String> keys, Map<String, String> into, List<String> notes) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (NoSuchFileException e) {
            notes.add(file + " is missing: libvirt cannot confine VMs until the policy's virt contexts are installed");
            return;
        } catch (IOException e) {
            notes.add("could not read " + file + ": " + e.getMessage());
            return;
        }
        for (int i = 0; i < keys.size() && i < lines.size(); i++) {
            into.put(keys.get(i), lines.get(i));
        }
    }
}
