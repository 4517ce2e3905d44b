package org.bulkhead.model.provision;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.label.DacLabel;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.Level;
import org.bulkhead.model.label.McsPair;
import org.bulkhead.model.label.SecurityContext;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.session.HostContext;

/**
 * ARCHITECTURE.md's "what Isolated means, per security model" table, as code: the one place
 * that turns the Isolated box (and "pin label") into seclabels for a host.
 */
public final class IsolationPolicy {

    /** What libvirt's SELinux driver falls back to when the host names no domain context. */
    private static final String DEFAULT_DOMAIN_CONTEXT = "system_u:system_r:svirt_t:s0";
    public static final int PRIVATE_VOLUME_MODE = 0600;

    private IsolationPolicy() {
    }

    /** One sentence for beside the Isolated box: what it does on this host. */
    public static String explanation(HostContext host) {
        return switch (HostKind.of(host)) {
            case SELINUX -> "Runs the VM in its own SELinux compartment (a unique MCS category pair), so it cannot"
                    + " open other VMs' images.";
            case APPARMOR -> "Confines the VM with its own AppArmor profile that allows only its own files.";
            case DAC -> "Runs the VM as its own user ID with private (0600) images, so other VMs cannot read them.";
            case TEST -> "Gives the VM its own label; simulated on the test driver, nothing is enforced.";
            case NONE -> "This host has no security driver, so no VM on it can be isolated.";
        };
    }

    /** Why this host cannot honour Isolated, or empty when it can. */
    public static Optional<String> unavailableReason(HostContext host) {
        return switch (HostKind.of(host)) {
            case NONE -> Optional.of("libvirt on " + host.info().uri() + " uses no security driver (models: "
                    + host.modelsText() + "), so this VM would run unconfined. Set security_driver in"
                    + " /etc/libvirt/qemu.conf and restart libvirtd, or uncheck Isolated to create it unconfined.");
            case DAC -> qemuGroup(host).isPresent() ? Optional.empty()
                    : Optional.of("libvirt did not report its QEMU user's group (the dac base label in its"
                            + " capabilities), which a per-VM UID needs to reach libvirt's own files.");
            default -> Optional.empty();
        };
    }

    /** Whether "pin label" means anything here: only SELinux has a dynamic default to pin. */
    public static boolean canPin(HostContext host) {
        return HostKind.of(host) == HostKind.SELINUX;
    }

    /**
     * The confinement of a new domain. Allocations are reserved in {@code ledger} for
     * {@code domainUuid} until the domain is defined or the plan is {@linkplain IsolationPlan#release released}.
     *
     * @throws IllegalStateException when Isolated is asked for and {@link #unavailableReason} is not empty
     */
    public static IsolationPlan plan(HostContext host, boolean isolated, boolean pin, LabelLedger ledger,
            String domainUuid) {
        HostKind kind = HostKind.of(host);
        if (isolated) {
            unavailableReason(host).ifPresent(reason -> {
                throw new IllegalStateException(reason);
            });
        }
        return isolated ? isolated(host, kind, pin, ledger, domainUuid) : shared(host, kind);
    }

    private static IsolationPlan isolated(HostContext host, HostKind kind, boolean pin, LabelLedger ledger,
            String uuid) {
        switch (kind) {
            case SELINUX -> {
                if (!pin) {
                    return plan(kind, true, false, SecurityModel.SELINUX, List.of(SecLabel.dynamic("selinux")),
                            Optional.empty(), "libvirt will allocate a unique pair at start", false,
                            Optional.empty(), OptionalInt.empty(), PRIVATE_VOLUME_MODE);
                }
                McsPair pair = ledger.allocatePair(uuid);
                String label = mcsLabel(host, pair, ledger);
                return plan(kind, true, true, SecurityModel.SELINUX, List.of(SecLabel.fixed("selinux", label, true)),
                        Optional.of(label), label, false, Optional.of(pair), OptionalInt.empty(), PRIVATE_VOLUME_MODE);
            }
            case APPARMOR -> {
                return plan(kind, true, false, SecurityModel.APPARMOR, List.of(SecLabel.dynamic("apparmor")),
                        Optional.empty(), "libvirt will load a profile libvirt-" + uuid + " at start", false,
                        Optional.empty(), OptionalInt.empty(), PRIVATE_VOLUME_MODE);
            }
            case DAC -> {
                int uid = ledger.allocateUid(uuid);
                String label = DacLabel.ofIds(uid, qemuGroup(host).orElseThrow()).toString();
                return plan(kind, true, false, SecurityModel.DAC, List.of(SecLabel.fixed("dac", label, true)),
                        Optional.of(label), label, false, Optional.empty(), OptionalInt.of(uid), PRIVATE_VOLUME_MODE);
            }
            case TEST -> {
                McsPair pair = ledger.allocatePair(uuid);
                String label = mcsLabel(host, pair, ledger);
                return plan(kind, true, false, SecurityModel.TEST,
                        List.of(SecLabel.fixed(SecurityModel.TEST.libvirtName(), label, true)), Optional.of(label),
                        label + " (simulated: not enforced)", true, Optional.of(pair), OptionalInt.empty(), -1);
            }
            default -> throw new IllegalStateException("no isolation on a host without a security driver");
        }
    }

    private static IsolationPlan shared(HostContext host, HostKind kind) {
        return switch (kind) {
            case SELINUX -> {
                String label = sharedMcsLabel(host);
                yield plan(kind, false, false, SecurityModel.SELINUX, List.of(SecLabel.fixed("selinux", label, true)),
                        Optional.of(label), label + " (shared: every such VM can reach the others' images)", false,
                        Optional.empty(), OptionalInt.empty(), -1);
            }
            case APPARMOR -> plan(kind, false, false, SecurityModel.APPARMOR, List.of(SecLabel.none("apparmor")),
                    Optional.empty(), "unconfined (no AppArmor profile)", false, Optional.empty(),
                    OptionalInt.empty(), -1);
            case DAC -> {
                Optional<String> shared = Optional.ofNullable(host.baseContexts().get("dac"));
                yield plan(kind, false, false, SecurityModel.DAC, List.of(), shared,
                        shared.map(l -> l + " (libvirt's shared QEMU user)").orElse("libvirt's shared QEMU user"),
                        false, Optional.empty(), OptionalInt.empty(), -1);
            }
            case TEST -> {
                String label = sharedMcsLabel(host);
                yield plan(kind, false, false, SecurityModel.TEST,
                        List.of(SecLabel.fixed(SecurityModel.TEST.libvirtName(), label, true)), Optional.of(label),
                        label + " (shared; simulated: not enforced)", true, Optional.empty(), OptionalInt.empty(), -1);
            }
            case NONE -> plan(kind, false, false, SecurityModel.NONE, List.of(), Optional.empty(),
                    "unconfined (no security driver)", false, Optional.empty(), OptionalInt.empty(), -1);
        };
    }

    private static IsolationPlan plan(HostKind kind, boolean isolated, boolean pinned, SecurityModel model,
            List<SecLabel> seclabels, Optional<String> label, String text, boolean simulated,
            Optional<McsPair> pair, OptionalInt uid, int mode) {
        return new IsolationPlan(kind, isolated, pinned, model, seclabels, label, text, simulated, pair, uid, mode);
    }

    private static String mcsLabel(HostContext host, McsPair pair, LabelLedger ledger) {
        return domainContext(host).withLevel(pair.level(ledger.config().sensitivity())).toString();
    }

    private static String sharedMcsLabel(HostContext host) {
        return domainContext(host).withLevel(Level.of("s0")).toString();
    }

    private static SecurityContext domainContext(HostContext host) {
        String base = host.baseContexts().getOrDefault("domain", DEFAULT_DOMAIN_CONTEXT);
        try {
            return SecurityContext.parse(base);
        } catch (LabelFormatException e) {
            return SecurityContext.parse(DEFAULT_DOMAIN_CONTEXT);
        }
    }

    /** The group of libvirt's QEMU user, from the capabilities' dac base label ({@code +64055:+64055}). */
    static OptionalInt qemuGroup(HostContext host) {
        String dac = host.baseContexts().get("dac");
        if (dac == null) {
            return OptionalInt.empty();
        }
        try {
            return DacLabel.parse(dac).gid();
        } catch (LabelFormatException e) {
            return OptionalInt.empty();
        }
    }
}
