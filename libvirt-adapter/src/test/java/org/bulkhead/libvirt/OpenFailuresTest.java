package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bulkhead.model.hypervisor.HypervisorException;
import org.junit.jupiter.api.Test;

/** A connection that cannot open says which URI, libvirt's reason and what to try, in one line. */
class OpenFailuresTest {

    private final LibvirtHypervisor hypervisor = new LibvirtHypervisor();

    @Test
    void anUnknownDriverAsksToCheckTheUri() {
        HypervisorException e = failure("nosuchdriver:///system");
        assertTrue(e.hint().startsWith("Check the URI"), e.hint());
    }

    @Test
    void aMissingTestNodeFileIsNamed() {
        HypervisorException e = failure("test:///nonexistent/bulkhead-node.xml");
        assertTrue(e.hint().contains("/nonexistent/bulkhead-node.xml"), e.hint());
    }

    @Test
    void anUnreachableRemoteDaemonNamesTheHost() {
        HypervisorException e = failure("qemu+tcp://127.0.0.1:1/system");
        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
        assertTrue(e.hint().contains("127.0.0.1") && e.hint().contains("tcp"), e.hint());
    }

    @Test
    void aBlankUriIsRefusedBeforeLibvirtPicksADefault() {
        HypervisorException e = assertThrows(HypervisorException.class, () -> hypervisor.open("  "));
        assertEquals("Could not connect: no URI was given", e.getMessage());
    }

    private HypervisorException failure(String uri) {
        HypervisorException e = assertThrows(HypervisorException.class, () -> hypervisor.open(uri));
        assertTrue(e.getMessage().startsWith("Could not connect to " + uri + ": "), e.getMessage());
        assertFalse(e.hint().isEmpty());
        String shown = e.userMessage();
        assertFalse(shown.contains("\n") || shown.contains("Exception") || shown.contains("\tat "),
                "one line for the user, no stack trace: " + shown);
        return e;
    }
}
