package org.bulkhead.model.plan;

import java.util.Map;

import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.domain.DomainXml;

/** Small domains for plan tests, written as the XML libvirt would report. */
final class PlanFixtures {

    static final String UUID = "c7b3edbd-edaf-9455-926a-d65c16db1800";
    static final String PROCESS = "system_u:system_r:svirt_t:s0:c41,c264";
    static final String IMAGE = "system_u:object_r:svirt_image_t:s0:c41,c264";
    static final String IMAGE_BASE = "system_u:object_r:svirt_image_t:s0";
    static final String CONTENT = "system_u:object_r:virt_content_t:s0";
    static final Map<String, String> BASES = Map.of(PlanContext.IMAGE, IMAGE_BASE, PlanContext.CONTENT, CONTENT,
            PlanContext.DAC, "+64055:+64055");

    static final String LIVE_SELINUX = """
            <seclabel type='dynamic' model='selinux' relabel='yes'>
              <label>system_u:system_r:svirt_t:s0:c41,c264</label>
              <imagelabel>system_u:object_r:svirt_image_t:s0:c41,c264</imagelabel>
            </seclabel>
            <seclabel type='dynamic' model='dac' relabel='yes'>
              <label>+64055:+64055</label>
              <imagelabel>+64055:+64055</imagelabel>
            </seclabel>""";

    private PlanFixtures() {
    }

    static DomainSpec domain(String os, String devices, String seclabels) {
        return DomainXml.parse("<domain type='kvm'><name>vm1</name><uuid>" + UUID + "</uuid><os>" + os + "</os>"
                + "<devices>" + devices + "</devices>" + seclabels + "</domain>");
    }

    static DomainSpec devices(String devices, String seclabels) {
        return domain("", devices, seclabels);
    }

    static String fileDisk(String path, String target, String extra) {
        return "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='" + path + "'/>"
                + "<target dev='" + target + "' bus='virtio'/>" + extra + "</disk>";
    }
}
