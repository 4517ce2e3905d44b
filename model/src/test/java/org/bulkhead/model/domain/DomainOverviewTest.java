package org.bulkhead.model.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class DomainOverviewTest {

    @Test
    void aNewVmsXmlTellsItsMemoryCpusSystemAndNetworkCard() {
        String xml = DomainXml.write(NewDomain.builder("web").virtType("qemu").memoryMiB(2048).vcpus(2)
                .network("default").os("http://debian.org/debian/11").nicModel("e1000").build());
        DomainOverview overview = DomainOverview.of(xml);
        assertEquals(OptionalLong.of(2048 * 1024), overview.memoryKiB());
        assertEquals(OptionalInt.of(2), overview.vcpus());
        assertEquals(Optional.of("http://debian.org/debian/11"), overview.osId());
        assertEquals(List.of(new DomainOverview.Nic("network 'default'", Optional.of("e1000"), Optional.empty())),
                overview.nics());
    }

    @Test
    void libvirtsOwnFormInKibAndABridgeAreRead() {
        DomainOverview overview = DomainOverview.of("""
                <domain type='kvm'><name>db</name><memory unit='KiB'>524288</memory><vcpu placement='static'>4</vcpu>
                  <devices><interface type='bridge'><mac address='52:54:00:aa:bb:cc'/><source bridge='br0'/></interface></devices>
                </domain>""");
        assertEquals(OptionalLong.of(524288), overview.memoryKiB());
        assertEquals(OptionalInt.of(4), overview.vcpus());
        assertEquals(Optional.empty(), overview.osId());
        assertEquals("bridge br0", overview.nics().get(0).attachment());
        assertEquals(Optional.of("52:54:00:aa:bb:cc"), overview.nics().get(0).mac());
    }
}
