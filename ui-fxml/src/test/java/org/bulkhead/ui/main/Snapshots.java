package org.bulkhead.ui.main;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bulkhead.model.host.HostCapabilities;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.session.DomainInspector;
import org.bulkhead.model.host.HostEnforcement;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.store.DomainSnapshot;

/** Domain snapshots as the session would make them, on an SELinux-enforcing remote-looking host. */
final class Snapshots {

    static final String URI = "qemu+tcp://lab/system";
    private static final DomainInspector INSPECTOR = new DomainInspector(Optional.empty());

    private Snapshots() {
    }

    static HostContext selinuxHost(String uri, HostEnforcement enforcement) {
        HostCapabilities capabilities = HostCapabilities.parse("""
                <capabilities><host><cpu><arch>x86_64</arch></cpu>
                  <secmodel><model>selinux</model><doi>0</doi>
                    <baselabel type='kvm'>system_u:system_r:svirt_t:s0</baselabel></secmodel>
                  <secmodel><model>dac</model><doi>0</doi>
                    <baselabel type='kvm'>+64055:+64055</baselabel></secmodel>
                </host></capabilities>""");
        return new HostContext(new HostInfo(uri, "lab", "QEMU", "7.2.0", "9.0.0", false), capabilities,
                List.of("selinux", "dac"), enforcement, Optional.empty(),
                Map.of("selinux", "system_u:system_r:svirt_t:s0"), List.of());
    }

    /** A domain with a dynamic SELinux label at {@code range} (e.g. "s0:c471,c902"), or none if null. */
    static DomainSnapshot domain(String uri, String uuid, String name, DomainState state, String range) {
        String seclabel = range == null ? "<seclabel type='none'/>" : """
                <seclabel type='dynamic' model='selinux' relabel='yes'>
                  <label>system_u:system_r:svirt_t:%s</label>
                  <imagelabel>system_u:object_r:svirt_image_t:%s</imagelabel></seclabel>""".formatted(range, range);
        String xml = """
                <domain type='kvm'><name>%s</name><uuid>%s</uuid><memory unit='MiB'>512</memory>
                  <os><type>hvm</type></os>
                  <devices><disk type='file' device='disk'><source file='/images/%s.qcow2'/>
                    <target dev='vda' bus='virtio'/></disk></devices>
                  %s
                </domain>""".formatted(name, uuid, name, seclabel);
        return INSPECTOR.snapshot(selinuxHost(uri, HostEnforcement.ENFORCING), new DomainRecord(uuid, name, state, xml));
    }

    static DomainSnapshot domain(String uuid, String name, DomainState state, String range) {
        return domain(URI, uuid, name, state, range);
    }
}
