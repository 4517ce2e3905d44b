package org.bulkhead.model.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.bulkhead.model.host.HostEnforcement;
import org.bulkhead.model.host.HostCapabilities;
import org.bulkhead.model.hostsec.EnforcementFacts;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.host.HostContext;

/**
 * Works out what confines domains on a connection's host: libvirt's security models from its
 * capabilities, and, when the host is this machine, what the local kernel enforces.
 */
public final class HostContextProbe {

    /** libvirt's fallbacks when no context files say otherwise (Debian and Fedora ship these). */
    static final Map<String, String> DEFAULT_SELINUX_CONTEXTS = Map.of(
            "domain", "system_u:system_r:svirt_t:s0",
            "image", "system_u:object_r:svirt_image_t:s0",
            "content", "system_u:object_r:virt_content_t:s0");

    private final Function<HostInfo, Optional<HostSecurity>> securityFor;

    /** @param securityFor the access to a host's files and processes, where Bulkhead has one */
    public HostContextProbe(Function<HostInfo, Optional<HostSecurity>> securityFor) {
        this.securityFor = securityFor;
    }

    public HostContext probe(HypervisorConnection connection) {
        HostInfo info = connection.hostInfo();
        HostCapabilities capabilities = HostCapabilities.parse(connection.capabilitiesXml());
        List<String> models = capabilities.secModels().stream().map(m -> m.model()).toList();
        Optional<HostSecurity> security = securityFor.apply(info);
        Optional<SecurityDriverInfo> local = security.map(HostSecurity::driver);
        HostEnforcement enforcement = enforcement(models, info, local);

        Map<String, String> base = new HashMap<>(DEFAULT_SELINUX_CONTEXTS);
        local.filter(d -> d.model().equals("selinux")).ifPresent(d -> base.putAll(d.baseContexts()));
        capabilities.model("selinux").flatMap(m -> m.baseLabels().values().stream().findFirst())
                .ifPresent(label -> base.put("domain", label));
        capabilities.model("dac").flatMap(m -> m.baseLabels().values().stream().findFirst())
                .ifPresent(label -> base.put("dac", label));

        List<String> notes = new ArrayList<>();
        if (enforcement == HostEnforcement.SIMULATED) {
            notes.add("The test driver keeps labels exactly as defined and never applies them: nothing is enforced.");
        }
        if (security.isEmpty() && !info.local()) {
            notes.add("Remote host: its files and QEMU processes are not visible from here, so actual labels "
                    + "cannot be read back.");
        } else if (security.isEmpty()) {
            notes.add("Local file labels could not be read on this machine.");
        }
        EnforcementFacts facts = facts(security, domainContexts(base, Set.of()));
        return new HostContext(info, capabilities, models, enforcement, local, base, notes, facts);
    }

    /**
     * Reads again what decides whether VMs are enforced (the host's mode, permissive types,
     * profile modes), for the domain types in {@code domainContexts} and the host's base ones;
     * asks the host, never libvirt, so it is cheap enough to repeat every few seconds.
     */
    public HostContext recheck(HostContext known, Set<String> domainContexts) {
        Optional<HostSecurity> security = securityFor.apply(known.info());
        if (security.isEmpty()) {
            return known;
        }
        Optional<SecurityDriverInfo> local = Optional.of(security.get().driver());
        HostEnforcement enforcement = enforcement(known.models(), known.info(), local);
        return known.withEnforcement(enforcement, local,
                facts(security, domainContexts(known.baseContexts(), domainContexts)));
    }

    private static EnforcementFacts facts(Optional<HostSecurity> security, Set<String> contexts) {
        return security.map(s -> s.enforcementFacts(contexts))
                .orElseGet(() -> EnforcementFacts.unknown("this host's policy is not visible from here"));
    }

    /** The contexts whose types decide VMs' enforcement: libvirt's base domain contexts and the VMs' own. */
    private static Set<String> domainContexts(Map<String, String> base, Set<String> more) {
        Set<String> contexts = new TreeSet<>(more);
        for (String key : List.of("domain", "domain.tcg")) {
            Optional.ofNullable(base.get(key)).ifPresent(contexts::add);
        }
        return contexts;
    }

    static HostEnforcement enforcement(List<String> models, HostInfo info, Optional<SecurityDriverInfo> local) {
        if (models.contains("testSecurity")) {
            return HostEnforcement.SIMULATED;
        }
        String primary = models.isEmpty() ? "none" : models.get(0);
        switch (primary) {
            case "selinux", "apparmor" -> {
                if (local.isEmpty() || !local.get().model().equals(primary)) {
                    return HostEnforcement.UNKNOWN_REMOTE;
                }
                return switch (local.get().enforcement()) {
                    case ENFORCING -> HostEnforcement.ENFORCING;
                    case PERMISSIVE -> HostEnforcement.PERMISSIVE;
                    case COMPLAIN -> HostEnforcement.COMPLAIN;
                    case DISABLED -> HostEnforcement.DISABLED;
                    case DAC_ONLY -> HostEnforcement.DAC_ONLY;
                    case NONE -> HostEnforcement.NONE;
                };
            }
            default -> {
                // No MAC model: libvirt's DAC driver (when listed) is what keeps VMs apart.
                return models.contains("dac") ? HostEnforcement.DAC_ONLY : HostEnforcement.NONE;
            }
        }
    }
}
