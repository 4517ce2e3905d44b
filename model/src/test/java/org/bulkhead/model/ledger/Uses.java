package org.bulkhead.model.ledger;

import org.bulkhead.model.label.McsPair;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.ledger.LabelUse.Kind;

/** Label uses as the hypervisor adapter would report them; the domain name is the UUID with "vm-". */
final class Uses {

    private Uses() {
    }

    static LabelUse selinux(String uuid, boolean running, Kind kind, String level) {
        return new LabelUse(uuid, "vm-" + uuid, running, kind, SecurityModel.SELINUX,
                "system_u:system_r:svirt_t:" + level);
    }

    static LabelUse selinux(String uuid, boolean running, Kind kind, McsPair pair) {
        return selinux(uuid, running, kind, pair.level("s0").toString());
    }

    static LabelUse dac(String uuid, boolean running, Kind kind, String label) {
        return new LabelUse(uuid, "vm-" + uuid, running, kind, SecurityModel.DAC, label);
    }

    static LedgerConfig smallConfig(long seed) {
        return new LedgerConfig("s0", 0, 9, 1000, 1009, new java.util.Random(seed));
    }
}
