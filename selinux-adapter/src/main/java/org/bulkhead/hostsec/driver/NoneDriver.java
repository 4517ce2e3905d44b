package org.bulkhead.hostsec.driver;

import java.util.List;
import java.util.Map;
import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.bulkhead.model.hostsec.SecurityDriverInfo.Enforcement;
import org.bulkhead.model.label.SecurityModel;

/**
 * Nothing local confines VMs: the fallback on a kernel other than Linux, for example Bulkhead on
 * a laptop managing remote hosts only. Those hosts' models come from their libvirt capabilities.
 */
public final class NoneDriver implements SecurityDriver {

    @Override
    public SecurityModel model() {
        return SecurityModel.NONE;
    }

    @Override
    public boolean applies(HostFacts host) {
        return true;
    }

    @Override
    public SecurityDriverInfo describe(HostFacts host) {
        return new SecurityDriverInfo(model().libvirtName(), "0", Enforcement.NONE, Map.of(),
                List.of("this host runs " + host.osName() + ", not Linux: no local VM is confined here;"
                        + " remote hosts report their own security models"));
    }
}
