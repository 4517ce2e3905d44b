package org.bulkhead.model.security;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.bulkhead.model.hostsec.EnforcementFacts;
import org.bulkhead.model.hostsec.FileLabel;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.hostsec.ProcessLabel;
import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.bulkhead.model.label.SecurityContext;

/**
 * A host whose kernel state a test sets: its driver and mode, which SELinux types are
 * permissive, AppArmor's profile modes, and its processes. Files carry no labels.
 */
public final class FakeHostSecurity implements HostSecurity {

    public volatile String model = "selinux";
    public volatile SecurityDriverInfo.Enforcement mode = SecurityDriverInfo.Enforcement.ENFORCING;
    /** Types the policy makes permissive; every other type asked about is enforced. */
    public final Set<String> permissiveTypes = ConcurrentHashMap.newKeySet();
    /** AppArmor's profile list, or null while it cannot be read. */
    public volatile Map<String, String> profiles;
    /** Whether the policy can be read at all (false: the facts come back empty, with a note). */
    public volatile boolean readable = true;
    public final Map<Long, ProcessLabel> processes = new ConcurrentHashMap<>();
    public final AtomicInteger factReads = new AtomicInteger();

    @Override
    public SecurityDriverInfo driver() {
        return new SecurityDriverInfo(model, "0", mode, Map.of("domain", "system_u:system_r:svirt_t:s0",
                "image", "system_u:object_r:svirt_image_t:s0", "content", "system_u:object_r:virt_content_t:s0"));
    }

    @Override
    public EnforcementFacts enforcementFacts(Set<String> domainContexts) {
        factReads.incrementAndGet();
        if (!readable) {
            return EnforcementFacts.unknown("the policy is not readable");
        }
        Map<String, Boolean> types = new HashMap<>();
        for (String context : domainContexts) {
            String type = SecurityContext.parse(context).type();
            types.put(type, permissiveTypes.contains(type));
        }
        return new EnforcementFacts(types, Optional.ofNullable(profiles), List.of());
    }

    /** Each AppArmor profile's file list as virt-aa-helper writes it; absent ones cannot be read. */
    public final Map<String, String> appArmorFiles = new ConcurrentHashMap<>();

    @Override
    public Optional<org.bulkhead.model.hostsec.AppArmorFileRules> appArmorFileRules(String profile) {
        return Optional.ofNullable(appArmorFiles.get(profile)).map(org.bulkhead.model.hostsec.AppArmorFileRules::parse);
    }

    @Override
    public Optional<ProcessLabel> processLabel(long pid) {
        return Optional.ofNullable(processes.get(pid));
    }

    @Override
    public FileLabel readLabel(Path file, boolean followLinks) {
        return new FileLabel(file, Optional.empty(), 0, 0, 0600);
    }

    @Override
    public void setSelinuxLabel(Path file, String context, boolean followLinks) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String chconCommand(Path file, String context, boolean followLinks) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> defaultSelinuxLabel(Path file) {
        return Optional.empty();
    }

    @Override
    public String restoreDefaultLabel(Path file, boolean followLinks) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> rememberedSelinuxLabel(Path file, boolean followLinks) {
        return Optional.empty();
    }

    @Override
    public Optional<String> restoreRememberedLabel(Path file, boolean followLinks) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setOwner(Path file, int uid, int gid, boolean followLinks) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String chownCommand(Path file, int uid, int gid, boolean followLinks) {
        throw new UnsupportedOperationException();
    }
}
