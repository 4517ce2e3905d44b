package org.bulkhead.hostsec;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bulkhead.hostsec.jna.Libselinux;

/** libselinux as it behaves on an SELinux host, for the branches this machine cannot reach. */
final class FakeLibselinux implements Libselinux {

    boolean enabled = true;
    int enforce = 1;
    Path domainContextPath = Path.of("/nonexistent/virtual_domain_context");
    Path imageContextPath = Path.of("/nonexistent/virtual_image_context");
    final Map<Long, String> processContexts = new HashMap<>();
    /** Types the fake policy makes permissive. */
    final java.util.Set<String> permissiveTypes = new java.util.HashSet<>();

    @Override
    public boolean isSelinuxEnabled() {
        return enabled;
    }

    @Override
    public int securityGetenforce() {
        return enabled ? enforce : -1;
    }

    @Override
    public Optional<String> getfilecon(Path file, boolean followLinks) {
        throw new UnsupportedOperationException("the fake labels no files");
    }

    @Override
    public void setfilecon(Path file, String context, boolean followLinks) {
        throw new UnsupportedOperationException("the fake labels no files");
    }

    @Override
    public Optional<String> getpidcon(long pid) {
        return Optional.ofNullable(processContexts.get(pid));
    }

    /** Accepts only svirt types, like a policy that knows nothing else. */
    @Override
    public boolean securityCheckContext(String context) {
        return context.contains(":svirt_");
    }

    @Override
    public Path virtualDomainContextPath() {
        return domainContextPath;
    }

    @Override
    public Path virtualImageContextPath() {
        return imageContextPath;
    }

    @Override
    public Optional<String> defaultFileContext(Optional<Path> fileContexts, String path, int mode) {
        return Optional.empty();
    }

    @Override
    public String translatedToRaw(String context) {
        return context;
    }

    @Override
    public String rawToTranslated(String context) {
        return context;
    }

    @Override
    public boolean permissiveDomain(String context) {
        if (!securityCheckContext(context)) {
            throw new org.bulkhead.hostsec.jna.ErrnoException("security_compute_av_flags", context, 22);
        }
        return permissiveTypes.contains(context.split(":")[2]);
    }
}
