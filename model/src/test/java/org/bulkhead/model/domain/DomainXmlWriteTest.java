package org.bulkhead.model.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainXmlWriteTest {

    private static final String HOSTILE_NAME = "a'b\"c<d&e>";

    private static NewDomain.Builder basic(String name) {
        return NewDomain.builder(name).virtType("qemu").memoryMiB(512).vcpus(2)
                .disk(NewDisk.disk("/var/lib/libvirt/images/a.qcow2", "qcow2", "vda"));
    }

    @Test
    void aNameFullOfMarkupComesBackExactlyAndInjectsNothing() {
        String xml = DomainXml.write(basic(HOSTILE_NAME).build());
        DomainSpec spec = DomainXml.parse(xml);
        assertEquals(HOSTILE_NAME, spec.name());
        assertEquals(1, spec.disks().size(), "no element was injected");
        assertFalse(xml.contains("<d&e>"), xml);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/images/a'b\"c<d&e>.qcow2",
        "/images/line\nbreak.qcow2",
        "/images/carriage\rreturn and\ttab.qcow2",
        "/images/'/><disk type='file' device='disk'><source file='/etc/shadow'/>.qcow2",
        "/images/ünïcödé 💾.qcow2"
    })
    void diskPathsRoundTripExactlyWhateverTheyContain(String path) {
        NewDomain domain = NewDomain.builder("vm").disk(NewDisk.disk(path, "qcow2", "vda"))
                .disk(NewDisk.cdrom(path + ".iso", "sda")).build();
        DomainSpec spec = DomainXml.parse(DomainXml.write(domain));
        assertEquals(2, spec.disks().size());
        assertEquals(Optional.of(path), spec.disks().get(0).path());
        assertEquals(Optional.of(path + ".iso"), spec.disks().get(1).path());
    }

    @Test
    void aNewlineInAnAttributeIsWrittenAsACharacterReference() {
        String xml = DomainXml.write(NewDomain.builder("vm")
                .disk(NewDisk.disk("/images/line\nbreak.qcow2", "qcow2", "vda")).build());
        assertTrue(xml.contains("line&#10;break"), xml);
    }

    @Test
    void seclabelsAreWrittenSoTheyParseBackTheSame() {
        SecLabel selinux = SecLabel.fixed("selinux", "system_u:system_r:svirt_t:s0:c1,c2", true);
        SecLabel dac = SecLabel.fixed("dac", "+200001:+64055", true);
        DomainSpec spec = DomainXml.parse(DomainXml.write(basic("vm").seclabel(selinux).seclabel(dac).build()));
        assertEquals(List.of(selinux, dac), spec.seclabels());
    }

    @Test
    void aDynamicSeclabelIsWrittenWithoutLabel() {
        String xml = DomainXml.write(basic("vm").seclabel(SecLabel.dynamic("selinux")).build());
        assertTrue(xml.contains("<seclabel model=\"selinux\" type=\"dynamic\"/>"), xml);
    }

    @Test
    void theConsoleIsASerialPtyAndVncListensOnAUnixSocketOnly() {
        String xml = DomainXml.write(basic("vm").build());
        DomainSpec spec = DomainXml.parse(xml);
        assertEquals(List.of("serial", "console"), spec.chardevs().stream().map(Chardev::element).toList());
        assertTrue(spec.chardevs().stream().allMatch(c -> c.type().equals("pty")));
        List<Graphics> graphics = Graphics.of(xml);
        assertEquals(1, graphics.size(), xml);
        assertTrue(graphics.get(0).isVnc(), xml);
        assertEquals(Graphics.Listen.SOCKET, graphics.get(0).listen(), xml);
        assertTrue(graphics.get(0).port().isEmpty(), xml);
        assertFalse(xml.contains("autoport"), "no TCP port at all: " + xml);
        assertFalse(xml.contains("address="), xml);
    }

    @Test
    void aNewVmHasAVideoDeviceAndAnAbsolutePointer() {
        String xml = DomainXml.write(basic("vm").build());
        assertTrue(xml.contains("<video>"), xml);
        assertTrue(xml.contains("<model type=\"vga\"/>"), xml);
        assertTrue(xml.contains("<input bus=\"usb\" type=\"tablet\"/>"), xml);
    }

    @Test
    void theDomainCarriesItsTypeMemoryVcpusAndArchitecture() {
        String xml = DomainXml.write(basic("vm").machine("q35").build());
        assertEquals("qemu", DomainXml.parse(xml).virtType());
        assertTrue(xml.contains("<memory unit=\"MiB\">512</memory>"), xml);
        assertTrue(xml.contains("<vcpu>2</vcpu>"), xml);
        assertTrue(xml.contains("<type arch=\"x86_64\" machine=\"q35\">hvm</type>"), xml);
    }

    @Test
    void aNetworkIsAttachedOnlyWhenAsked() {
        assertFalse(DomainXml.write(basic("vm").build()).contains("<interface"));
        String xml = DomainXml.write(basic("vm").network("default").build());
        assertTrue(xml.contains("<source network=\"default\"/>"), xml);
    }

    @Test
    void readonlyShareableAndCdromDisksKeepTheirFlags() {
        NewDomain domain = NewDomain.builder("vm")
                .disk(new NewDisk("/images/shared.raw", "raw", "disk", false, true, "vdb"))
                .disk(new NewDisk("/images/ro.raw", "raw", "disk", true, false, "vdc"))
                .disk(NewDisk.cdrom("/images/install.iso", "sda"))
                .build();
        List<Disk> disks = DomainXml.parse(DomainXml.write(domain)).disks();
        assertTrue(disks.get(0).shareable());
        assertFalse(disks.get(0).readonly());
        assertTrue(disks.get(1).readonly());
        assertTrue(disks.get(2).isCdrom());
        assertTrue(disks.get(2).readonly());
    }

    @Test
    void aUuidIsGeneratedWhenNoneIsGivenAndKeptWhenOneIs() {
        NewDomain generated = basic("vm").build();
        UUID.fromString(generated.uuid());
        assertNotEquals(generated.uuid(), basic("vm").build().uuid());
        assertEquals(generated.uuid(), DomainXml.parse(DomainXml.write(generated)).uuid());
        String fixed = "6695eb01-f6a4-8304-79aa-97f2502e193f";
        assertEquals(fixed, DomainXml.parse(DomainXml.write(basic("vm").uuid(fixed).build())).uuid());
    }

    @Test
    void aNameLibvirtWouldRejectIsRefusedWithTheWizardsMessage() {
        DomainXmlException e = assertThrows(DomainXmlException.class,
                () -> DomainXml.write(basic("two\nlines").build()));
        assertEquals(DomainNames.validate("two\nlines").orElseThrow(), e.getMessage());
    }

    @Test
    void aControlCharacterXmlCannotCarryIsRefusedNotWritten() {
        DomainXmlException e = assertThrows(DomainXmlException.class,
                () -> DomainXml.write(NewDomain.builder("vm").disk(NewDisk.disk("/images/\u0001.qcow2", "qcow2", "vda")).build()));
        assertTrue(e.getMessage().contains("U+0001"), e.getMessage());
    }

    @Test
    void seclabelsLibvirtWouldRejectAreRefusedBeforeDefining() {
        assertThrows(DomainXmlException.class, () -> DomainXml.write(basic("vm")
                .seclabel(SecLabel.dynamic("selinux")).seclabel(SecLabel.none("selinux")).build()));
        assertThrows(DomainXmlException.class, () -> DomainXml.write(basic("vm")
                .seclabel(new SecLabel("selinux", Optional.of(SecLabel.Type.DYNAMIC), Optional.of(false),
                        Optional.empty(), Optional.empty(), Optional.empty())).build()));
        assertThrows(DomainXmlException.class, () -> DomainXml.write(basic("vm")
                .seclabel(new SecLabel("dac", Optional.of(SecLabel.Type.NONE), Optional.of(true),
                        Optional.empty(), Optional.empty(), Optional.empty())).build()));
        assertThrows(DomainXmlException.class, () -> DomainXml.write(basic("vm")
                .seclabel(new SecLabel(null, Optional.of(SecLabel.Type.DYNAMIC), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()))
                .seclabel(SecLabel.dynamic("dac")).build()));
    }

    @Test
    void aDiskTargetWithoutAKnownBusPrefixIsRefused() {
        assertThrows(DomainXmlException.class, () -> DomainXml.write(NewDomain.builder("vm")
                .disk(NewDisk.disk("/a.raw", "raw", "xyz")).build()));
    }
}
