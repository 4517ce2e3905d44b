package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.bulkhead.model.hypervisor.DomainNotFoundException;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.junit.jupiter.api.Test;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;

/** A domain undefined by another tool while Bulkhead reads it is gone, not an error. */
class DomainRecordsTest {

    @Test
    void aDomainUndefinedBetweenLookupAndReadIsSimplyGone() throws Exception {
        LibvirtConnect connect = new LibvirtConnect("test:///default");
        try {
            Domain defined = connect.domainDefineXML(TestDomains.testDriver(TestDomains.uniqueName("racing"), ""));
            Domain handle = connect.domainLookupByUUIDString(defined.getUUIDString());
            defined.undefine(); // another tool, between the refresh's lookup and its read
            DomainRecords records = new DomainRecords(false);

            LibvirtException raw = assertThrows(LibvirtException.class, () -> records.of(handle, Map.of()));
            assertEquals(ErrorNumber.VIR_ERR_NO_DOMAIN, Failures.code(raw), "libvirt reports the race as this");
            assertEquals(Optional.empty(), records.stillThere(handle, Map.of()));
            Handles.free(handle);
            Handles.free(defined);
        } finally {
            connect.close();
        }
    }

    @Test
    void anOperationOnADomainThatIsGoneSaysSoInAWayCallersCanTellApart() {
        try (LibvirtConnection connection = new LibvirtHypervisor().open("test:///default")) {
            String missing = "00000000-0000-0000-0000-000000000002";
            HypervisorException e = assertThrows(HypervisorException.class, () -> connection.start(missing));
            assertInstanceOf(DomainNotFoundException.class, e);
            assertEquals("It may have been deleted by another tool; refresh the list", e.hint());
        }
    }
}
