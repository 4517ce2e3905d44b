package org.bulkhead.model.provision;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.ledger.LedgerConfig;

/**
 * One {@link LabelLedger} per connection URI for the life of the application, so wizards open at
 * the same time never reserve the same label. Each ledger's state of record is libvirt's domain
 * XML ({@link LabelUses#resync}); only reservations of unfinished wizards live here.
 */
public final class LabelLedgers {

    private final Supplier<LedgerConfig> config;
    private final Map<String, LabelLedger> byUri = new ConcurrentHashMap<>();

    public LabelLedgers(Supplier<LedgerConfig> config) {
        this.config = config;
    }

    /** The default ranges: every category at s0, UIDs 200000..265535. */
    public static LabelLedgers withDefaults() {
        return new LabelLedgers(LedgerConfig::defaults);
    }

    public LabelLedger forUri(String uri) {
        return byUri.computeIfAbsent(uri, u -> new LabelLedger(config.get()));
    }
}
