package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionUriTest {

    @Test
    void uriWithoutHostOrWithLoopbackIsLocal() {
        assertTrue(ConnectionUri.parse("qemu:///system").isLocal());
        assertTrue(ConnectionUri.parse("test:///default").isLocal());
        assertTrue(ConnectionUri.parse("qemu+ssh://root@localhost/system").isLocal());
        assertTrue(ConnectionUri.parse("qemu+tcp://[::1]:16509/system").isLocal());
    }

    @Test
    void uriWithAnotherHostIsRemote() {
        ConnectionUri uri = ConnectionUri.parse("qemu+tcp://lab.example:16510/system?no_verify=1");
        assertFalse(uri.isLocal());
        assertEquals(Optional.of("lab.example"), uri.host());
        assertEquals("tcp", uri.transport());
        assertEquals("qemu", uri.driver());
        assertEquals("/system", uri.path());
    }

    @Test
    void testNodeFilesAreToldApartFromTheDefaultHost() {
        assertFalse(ConnectionUri.parse("test:///default").isTestNodeFile());
        assertTrue(ConnectionUri.parse("test:///tmp/node.xml").isTestNodeFile());
        assertFalse(ConnectionUri.parse("qemu:/system").hasKnownDriver());
    }
}
