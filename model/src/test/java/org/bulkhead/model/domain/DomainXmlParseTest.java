package org.bulkhead.model.domain;

import org.bulkhead.model.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DomainXmlParseTest {

    private static final DomainSpec LIVE = DomainXml.parse(Fixtures.read("domain/live-selinux.xml"));

    @Test
    void aRunningSelinuxDomainShowsBothItsSelinuxAndItsDacLabel() {
        assertEquals(2, LIVE.seclabels().size());
        SecLabel selinux = LIVE.seclabel("selinux").orElseThrow();
        assertEquals(Optional.of(SecLabel.Type.DYNAMIC), selinux.type());
        assertEquals(Optional.of(true), selinux.relabel());
        assertEquals(Optional.of("system_u:system_r:svirt_t:s0:c471,c901"), selinux.label());
        assertEquals(Optional.of("system_u:object_r:svirt_image_t:s0:c471,c901"), selinux.imageLabel());
        SecLabel dac = LIVE.seclabel("dac").orElseThrow();
        assertEquals(Optional.of("+64055:+64055"), dac.label());
        assertEquals(Optional.of("+64055:+64055"), dac.imageLabel());
    }

    @Test
    void identityComesFromNameUuidAndDomainType() {
        assertEquals("web", LIVE.name());
        assertEquals("0f6a8b4e-3c1d-4a8e-9b2f-5d7c6e1a2b3c", LIVE.uuid());
        assertEquals("kvm", LIVE.virtType());
    }

    @Test
    void aNestedBackingChainIsListedTopsBackingFirstAndStopsAtTheEmptyElement() {
        Disk vda = LIVE.disks().get(0);
        assertEquals(List.of(
                new BackingStore("file", Optional.of("/var/lib/libvirt/images/debian-12-base.qcow2"), Optional.of("qcow2")),
                new BackingStore("file", Optional.of("/var/lib/libvirt/images/debian-12-golden.raw"), Optional.of("raw"))),
                vda.backingChain());
        assertTrue(LIVE.disks().get(1).backingChain().isEmpty(), "an empty <backingStore/> is not a layer");
    }

    @Test
    void disksKeepTheirDocumentOrderEvenWhenOtherDevicesSitBetweenThem() {
        assertEquals(List.of("vda", "sda", "vdb"), LIVE.disks().stream().map(Disk::targetDev).toList());
    }

    @Test
    void readonlyShareableAndDeviceKindAreRead() {
        Disk vda = LIVE.disks().get(0);
        Disk cdrom = LIVE.disks().get(1);
        Disk shared = LIVE.disks().get(2);
        assertFalse(vda.readonly());
        assertFalse(vda.shareable());
        assertEquals(Optional.of("qcow2"), vda.format());
        assertTrue(cdrom.isCdrom());
        assertTrue(cdrom.readonly());
        assertTrue(shared.shareable());
        assertEquals("block", shared.sourceType());
        assertEquals(Optional.of("/dev/vg0/shared-data"), shared.path());
    }

    @Test
    void nvramIsReadFromItsTextOrFromItsSourceElement() {
        assertEquals(Optional.of("/var/lib/libvirt/qemu/nvram/web_VARS.fd"), LIVE.nvram());
        DomainSpec newer = DomainXml.parse("""
                <domain type='kvm'><name>n</name><uuid>u</uuid>
                  <os><nvram type='file' template='/usr/share/OVMF/OVMF_VARS_4M.fd'>
                    <source file='/var/lib/libvirt/qemu/nvram/n_VARS.fd'/>
                  </nvram></os>
                </domain>""");
        assertEquals(Optional.of("/var/lib/libvirt/qemu/nvram/n_VARS.fd"), newer.nvram());
    }

    @Test
    void kernelInitrdAndDtbAreRead() {
        DomainSpec spec = DomainXml.parse(Fixtures.read("domain/overrides.xml"));
        assertEquals(Optional.of("/var/lib/libvirt/boot/vmlinuz"), spec.kernel());
        assertEquals(Optional.of("/var/lib/libvirt/boot/initrd.img"), spec.initrd());
        assertEquals(Optional.of("/var/lib/libvirt/boot/board.dtb"), spec.dtb());
        assertEquals(Optional.empty(), LIVE.kernel());
    }

    @Test
    void perDiskSeclabelsInsideTheSourceAreRead() {
        DomainSpec spec = DomainXml.parse(Fixtures.read("domain/overrides.xml"));
        assertEquals(List.of(new DeviceSecLabel(Optional.of("selinux"), Optional.of(false), Optional.empty())),
                spec.disks().get(0).seclabels());
        assertEquals(List.of(
                new DeviceSecLabel(Optional.of("selinux"), Optional.of(true),
                        Optional.of("system_u:object_r:svirt_image_custom_t:s0:c41,c264")),
                new DeviceSecLabel(Optional.of("dac"), Optional.of(false), Optional.empty())),
                spec.disks().get(1).seclabels());
    }

    @Test
    void chardevsKeepTheirElementTypePathModeAndSeclabels() {
        DomainSpec spec = DomainXml.parse(Fixtures.read("domain/overrides.xml"));
        assertEquals(List.of("serial", "serial", "serial", "serial", "channel", "parallel"),
                spec.chardevs().stream().map(Chardev::element).toList());
        assertEquals(List.of("file", "pipe", "dev", "unix", "unix", "unix"),
                spec.chardevs().stream().map(Chardev::type).toList());
        Chardev noLabel = spec.chardevs().get(3);
        assertEquals(Optional.of("/nolabel.sock"), noLabel.path());
        assertEquals(Optional.of("connect"), noLabel.mode());
        assertTrue(noLabel.seclabels().get(0).keepsLabel());
        Chardev agent = LIVE.chardevs().stream().filter(c -> c.element().equals("channel")).findFirst().orElseThrow();
        assertEquals(Optional.of("bind"), agent.mode());
    }

    @Test
    void theTestDriversDefaultDomainHasOneDiskAndNoSeclabel() {
        DomainSpec test = DomainXml.parse(Fixtures.read("domain/test-default.xml"));
        assertEquals("test", test.name());
        assertEquals("test", test.virtType());
        assertEquals(1, test.disks().size());
        Disk disk = test.disks().get(0);
        assertEquals("file", disk.sourceType());
        assertEquals("disk", disk.device());
        assertEquals(Optional.of("/guest/diskimage1"), disk.path());
        assertEquals(Optional.empty(), disk.format());
        assertTrue(test.seclabels().isEmpty());
        assertTrue(test.chardevs().isEmpty());
    }

    @Test
    void aSeclabelWithoutModelOrTypeIsKeptAsWritten() {
        DomainSpec spec = DomainXml.parse("<domain type='kvm'><name>a</name><uuid>u</uuid><seclabel/></domain>");
        SecLabel seclabel = spec.seclabels().get(0);
        assertEquals(null, seclabel.model());
        assertEquals(Optional.empty(), seclabel.type());
        assertEquals(Optional.empty(), seclabel.relabel());
    }

    @Test
    void networkAndVolumeDisksHaveNoPathButKeepTheirSourceType() {
        DomainSpec spec = DomainXml.parse("""
                <domain type='kvm'><name>a</name><uuid>u</uuid><devices>
                  <disk type='network' device='disk'><source protocol='nbd' name='export'><host name='nbd.example'/></source>
                    <target dev='vda'/></disk>
                  <disk type='volume' device='disk'><source pool='default' volume='a.qcow2'/><target dev='vdb'/></disk>
                  <disk type='file' device='cdrom'><target dev='hdc'/><readonly/></disk>
                </devices></domain>""");
        Disk network = spec.disks().get(0);
        assertEquals("network", network.sourceType());
        assertEquals(Optional.empty(), network.path());
        assertFalse(network.isEmpty());
        Disk volume = spec.disks().get(1);
        assertEquals(Optional.of("default"), volume.pool());
        assertEquals(Optional.of("a.qcow2"), volume.volume());
        assertTrue(spec.disks().get(2).isEmpty(), "a CD-ROM drive without media has nothing to label");
    }

    @Test
    void unknownAndNamespacedElementsAreIgnored() {
        DomainSpec spec = DomainXml.parse("""
                <domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
                  <name>a</name><uuid>u</uuid><frobnicate level='11'><deep><deeper/></deep></frobnicate>
                  <qemu:commandline><qemu:arg value='-S'/></qemu:commandline>
                </domain>""");
        assertEquals("a", spec.name());
    }

    @Test
    void malformedXmlIsRejectedWithAMessageSayingSo() {
        DomainXmlException e = assertThrows(DomainXmlException.class,
                () -> DomainXml.parse("<domain type='kvm'><name>a</name><uuid>u</uuid>"));
        assertTrue(e.getMessage().startsWith("Malformed domain XML"), e.getMessage());
        assertThrows(DomainXmlException.class, () -> DomainXml.parse("not xml at all"));
        assertThrows(DomainXmlException.class, () -> DomainXml.parse(""));
        assertThrows(DomainXmlException.class, () -> DomainXml.parse("<!-- only a comment -->"));
    }

    @Test
    void aMissingNameOrUuidIsNamedInTheMessage() {
        DomainXmlException noName = assertThrows(DomainXmlException.class,
                () -> DomainXml.parse("<domain type='kvm'><uuid>u</uuid></domain>"));
        assertTrue(noName.getMessage().contains("<name>"), noName.getMessage());
        DomainXmlException noUuid = assertThrows(DomainXmlException.class,
                () -> DomainXml.parse("<domain type='kvm'><name>a</name></domain>"));
        assertTrue(noUuid.getMessage().contains("<uuid>"), noUuid.getMessage());
        DomainXmlException blank = assertThrows(DomainXmlException.class,
                () -> DomainXml.parse("<domain type='kvm'><name>  </name><uuid>u</uuid></domain>"));
        assertTrue(blank.getMessage().contains("<name>"), blank.getMessage());
    }

    @Test
    void anotherDocumentIsNotTakenForADomain() {
        DomainXmlException e = assertThrows(DomainXmlException.class,
                () -> DomainXml.parse("<network><name>default</name><uuid>u</uuid></network>"));
        assertTrue(e.getMessage().contains("<network>"), e.getMessage());
    }

    @Test
    void entitiesFromADoctypeAreNeverExpanded() {
        String hostile = """
                <?xml version="1.0"?>
                <!DOCTYPE domain [<!ENTITY leak SYSTEM "file:///etc/passwd">]>
                <domain type='kvm'><name>&leak;</name><uuid>u</uuid></domain>""";
        DomainXmlException e = assertThrows(DomainXmlException.class, () -> DomainXml.parse(hostile));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void aRelabelValueOtherThanYesOrNoIsRejected() {
        DomainXmlException e = assertThrows(DomainXmlException.class, () -> DomainXml.parse(
                "<domain type='kvm'><name>a</name><uuid>u</uuid><seclabel type='static' relabel='maybe'/></domain>"));
        assertTrue(e.getMessage().contains("maybe"), e.getMessage());
    }
}
