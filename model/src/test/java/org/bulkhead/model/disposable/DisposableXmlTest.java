package org.bulkhead.model.disposable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;

import org.bulkhead.model.domain.Disk;
import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.SecLabel;
import org.junit.jupiter.api.Test;

class DisposableXmlTest {

    private static final String TEMPLATE = "<domain type='qemu'><name>web</name>"
            + "<uuid>11111111-2222-3333-4444-555555555555</uuid><memory unit='MiB'>2048</memory>"
            + "<currentMemory unit='MiB'>2048</currentMemory><os><type arch='x86_64'>hvm</type></os><devices>"
            + "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='/images/web.img'/>"
            + "<target dev='vda' bus='virtio'/></disk>"
            + "<disk type='file' device='cdrom'><source file='/iso/rescue.iso'/><target dev='sda' bus='sata'/><readonly/></disk>"
            + "<interface type='network'><mac address='52:54:00:aa:bb:cc'/><source network='default'/></interface>"
            + "<graphics type='vnc' socket='/run/web.sock'><listen type='socket' socket='/run/web.sock'/></graphics>"
            + "</devices><seclabel type='static' model='dac' relabel='yes'><label>+200001:+64055</label></seclabel></domain>";

    private static final List<SecLabel> OWN = List.of(SecLabel.fixed("dac", "+200777:+64055", true));

    private static DomainSpec disposable(DisposableXml.Options options) {
        return DomainXml.parse(DisposableXml.of("web", TEMPLATE, "web-disposable-1", "99999999-2222-3333-4444-555555555555",
                "/images/web-disposable-1.qcow2", OWN, options));
    }

    @Test
    void theDisposableWritesOnlyToItsOverlayAndReadsTheTemplateBelowIt() {
        String xml = DisposableXml.of("web", TEMPLATE, "web-disposable-1", "99999999-2222-3333-4444-555555555555",
                "/images/web-disposable-1.qcow2", OWN, DisposableXml.Options.AS_TEMPLATE);
        DomainSpec spec = DomainXml.parse(xml);
        Disk top = spec.disks().get(0);
        assertEquals("web-disposable-1", spec.name());
        assertEquals("99999999-2222-3333-4444-555555555555", spec.uuid());
        assertEquals("/images/web-disposable-1.qcow2", top.path().orElseThrow());
        assertEquals("qcow2", top.format().orElseThrow());
        assertEquals("/images/web.img", top.backingChain().get(0).path().orElseThrow(), xml);
        // Neither the template nor the ISO is handed to the disposable's user.
        assertTrue(xml.contains("<source file=\"/images/web.img\"><seclabel model=\"dac\" relabel=\"no\"/></source>"), xml);
        assertTrue(xml.contains("<source file=\"/iso/rescue.iso\"><seclabel model=\"dac\" relabel=\"no\"/></source>"), xml);
    }

    @Test
    void theDisposableRunsUnderItsOwnLabelNotTheTemplates() {
        DomainSpec spec = disposable(DisposableXml.Options.AS_TEMPLATE);
        assertEquals("+200777:+64055", spec.seclabel("dac").orElseThrow().label().orElseThrow());
    }

    @Test
    void eachDisposableGetsItsOwnMacAndConsoleSocket() {
        String xml = DisposableXml.of("web", TEMPLATE, "web-disposable-1", "99999999-2222-3333-4444-555555555555",
                "/images/o.qcow2", OWN, DisposableXml.Options.AS_TEMPLATE);
        assertFalse(xml.contains("52:54:00:aa:bb:cc"), xml);
        assertFalse(xml.contains("/run/web.sock"), xml);
        assertTrue(xml.contains("<listen type=\"socket\"/>"), xml);
        assertTrue(xml.contains("<source network=\"default\"/>"), xml);
    }

    @Test
    void withoutNetworkTheDisposableHasNoInterfaceAndItsMemoryIsAsAsked() {
        String xml = DisposableXml.of("web", TEMPLATE, "d", "99999999-2222-3333-4444-555555555555", "/images/o.qcow2",
                OWN, new DisposableXml.Options(OptionalLong.of(512), false));
        assertFalse(xml.contains("<interface"), xml);
        assertTrue(xml.contains("<memory unit=\"MiB\">512</memory>"), xml);
        assertFalse(xml.contains("currentMemory"), xml);
    }

    @Test
    void aTemplateWithTwoWritableDisksIsRefusedSayingWhy() {
        String two = TEMPLATE.replace("</devices>", "<disk type='file' device='disk'><source file='/images/data.img'/>"
                + "<target dev='vdb' bus='virtio'/></disk></devices>");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DisposableXml.templateDisk("web", two));
        assertTrue(e.getMessage().contains("'web' has 2 read-write disks"), e.getMessage());
    }

    @Test
    void aTemplateWithoutAConsoleGetsOne() {
        String none = TEMPLATE.replaceAll("<graphics.*</graphics>", "");
        String xml = DisposableXml.of("web", none, "d", "99999999-2222-3333-4444-555555555555", "/images/o.qcow2", OWN,
                DisposableXml.Options.AS_TEMPLATE);
        assertTrue(xml.contains("<graphics type=\"vnc\"><listen type=\"socket\"/></graphics>"), xml);
    }
}
