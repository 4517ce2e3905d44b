package org.bulkhead.model.isolation;

import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.Level;
import org.bulkhead.model.label.McsPair;
import org.bulkhead.model.label.SecurityContext;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.host.HostContext;

/** MCS labels built on the host's domain context, for the models that use SELinux's label format. */
final class McsLabels {

    /** What libvirt's SELinux driver falls back to when the host names no domain context. */
    private static final String DEFAULT_DOMAIN_CONTEXT = "system_u:system_r:svirt_t:s0";

    private McsLabels() {
    }

    /** The domain context at the ledger's sensitivity with {@code pair}. */
    static String withPair(HostContext host, McsPair pair, LabelLedger ledger) {
        return domainContext(host).withLevel(pair.level(ledger.config().sensitivity())).toString();
    }

    /** The domain context at {@code s0} without categories: one label every such VM shares. */
    static String shared(HostContext host) {
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
}
