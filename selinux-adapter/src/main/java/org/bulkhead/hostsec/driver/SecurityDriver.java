package org.bulkhead.hostsec.driver;

import java.util.List;
import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.bulkhead.model.label.SecurityModel;

/**
 * One security model the local kernel may enforce, as in libvirt's driver table: the probe asks
 * each in turn whether it applies and uses the first that does.
 */
public interface SecurityDriver {

    /** The probe order: the most specific model first, {@code none} last because it always applies. */
    static List<SecurityDriver> probeOrder() {
        return List.of(new SelinuxDriver(), new AppArmorDriver(), new DacDriver(), new NoneDriver());
    }

    SecurityModel model();

    /** Whether this model governs the host described by {@code host}. */
    boolean applies(HostFacts host);

    /** The model's current state; enforcement can change at runtime, so it is read afresh. */
    SecurityDriverInfo describe(HostFacts host);

    /** Rejects a label not written in this model's format, naming the wrong part. */
    default void validateLabel(String label) {
        model().validateLabel(label);
    }
}
