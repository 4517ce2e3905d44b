package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DomainDisksTest {

    @Test
    void onlyReadWriteDisksBelongToTheDomain() {
        String xml = """
                <domain type='qemu'><name>d</name><uuid>11111111-2222-3333-4444-555555555555</uuid><devices>
                  <disk type='file' device='disk'><source file='/p/own.qcow2'/><target dev='vda'/></disk>
                  <disk type='block' device='disk'><source dev='/dev/vg/own'/><target dev='vdb'/></disk>
                  <disk type='volume' device='disk'><source pool='pool' volume='vol'/><target dev='vdc'/></disk>
                  <disk type='file' device='disk'><source file='/p/ro.img'/><readonly/><target dev='vdd'/></disk>
                  <disk type='file' device='disk'><source file='/p/shared.img'/><shareable/><target dev='vde'/></disk>
                  <disk type='file' device='cdrom'><source file='/p/boot.iso'/><target dev='hdc'/></disk>
                  <disk type='file' device='floppy'><source file='/p/a.img'/><target dev='fda'/></disk>
                  <disk type='network' device='disk'><source protocol='nbd' name='x'/><target dev='vdf'/></disk>
                  <disk type='file' device='cdrom'><target dev='hdd'/></disk>
                </devices></domain>""";

        List<String> owned = DomainDisks.ownedImages(xml).stream().map(DomainDisks.Source::describe).toList();

        assertEquals(List.of("/p/own.qcow2", "/dev/vg/own", "pool/vol"), owned);
    }
}
