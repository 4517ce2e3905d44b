package org.bulkhead.hostsec.driver;

import java.util.List;
import java.util.Map;
import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.bulkhead.model.hostsec.SecurityDriverInfo.Enforcement;
import org.bulkhead.model.label.SecurityModel;

/** DAC: file owners and modes, which every Linux kernel enforces (libvirt's {@code dac} driver). */
public final class DacDriver implements SecurityDriver {

    @Override
    public SecurityModel model() {
        return SecurityModel.DAC;
    }

    @Override
    public boolean applies(HostFacts host) {
        return host.isLinux();
    }

    @Override
    public SecurityDriverInfo describe(HostFacts host) {
        return new SecurityDriverInfo(model().libvirtName(), "0", Enforcement.DAC_ONLY, Map.of(), List.of());
    }
}
