package org.bulkhead.model.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one URI type: the dialog, --connect and the adapter judge a URI by these same rules. */
class ConnectionUriTest {

    @Test
    void aUriWithoutHostOrWithALoopbackHostMayBeThisMachineAndIsNeverCalledRemote() {
        for (String local : new String[] {"qemu:///system", "test:///default", "qemu+ssh://root@localhost/system",
                "qemu+tcp://[::1]:16509/system", "qemu+tcp://127.0.0.1:16510/system"}) {
            assertTrue(ConnectionUri.parse(local).mayBeThisMachine(), local);
            assertFalse(ConnectionUri.parse(local).isRemote(), local);
        }
    }

    @Test
    void aUriWithAnotherHostIsRemote() {
        ConnectionUri uri = ConnectionUri.parse("qemu+tcp://lab.example:16510/system?no_verify=1");
        assertTrue(uri.isRemote());
        assertFalse(uri.mayBeThisMachine());
        assertEquals(Optional.of("lab.example"), uri.host());
        assertEquals("tcp", uri.transport());
        assertEquals("qemu", uri.driver());
        assertEquals("/system", uri.path());
    }

    @Test
    void testNodeFilesAreToldApartFromTheDefaultHost() {
        assertFalse(ConnectionUri.parse("test:///default").isTestNodeFile());
        assertTrue(ConnectionUri.parse("test:///tmp/node.xml").isTestNodeFile());
    }

    @Test
    void libvirtsRemoteDriverIsAcceptedAndMistakesAreNamed() {
        assertEquals("remote", ConnectionUri.parse("remote://host.example/").driver());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConnectionUri.parse("qemu:/system"))
                .getMessage().contains("names no driver"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConnectionUri.parse("qemu+ssh:///system"))
                .getMessage().contains("needs a host"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConnectionUri.parse("kvm:///system"))
                .getMessage().contains("Unknown hypervisor driver"));
    }
}
