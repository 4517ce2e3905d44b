package org.bulkhead.model.isolation;

import java.util.List;
import java.util.Optional;

import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.host.HostContext;

/**
 * The table of isolation models, asked in order: the first whose libvirt model the connection
 * lists decides, as libvirt's own security manager stacks its drivers (a host without MAC lists
 * "none" first and "dac" second).
 */
public final class IsolationModels {

    private static final List<IsolationModel> TABLE = List.of(new TestIsolation(), new SelinuxIsolation(),
            new AppArmorIsolation(), new DacIsolation());
    private static final IsolationModel NONE = new NoIsolation();

    private IsolationModels() {
    }

    /**
     * The confinement of a new domain on {@code host}.
     *
     * @throws IllegalStateException when Isolated is asked for and the host cannot honour it
     */
    public static IsolationPlan plan(HostContext host, boolean isolated, boolean pin, LabelLedger ledger,
            String domainUuid) {
        IsolationModel rules = of(host);
        if (isolated) {
            rules.unavailableReason(host).ifPresent(reason -> {
                throw new IllegalStateException(reason);
            });
        }
        return rules.plan(host, isolated, pin && rules.canPin(), ledger, domainUuid);
    }

    /** The rules of one libvirt security model, whatever the host's primary model. */
    public static IsolationModel forModel(String libvirtName) {
        return TABLE.stream().filter(m -> m.model().libvirtName().equals(libvirtName)).findFirst().orElse(NONE);
    }

    /** What Isolated means on {@code host}. */
    public static IsolationModel of(HostContext host) {
        if (host.models().contains(TABLE.get(0).model().libvirtName())) {
            return TABLE.get(0); // the test driver lists testSecurity alone; nothing else applies there
        }
        for (String listed : host.models()) {
            Optional<IsolationModel> match = TABLE.stream().filter(m -> m.model().libvirtName().equals(listed))
                    .findFirst();
            if (match.isPresent()) {
                return match.get();
            }
        }
        return NONE;
    }
}
