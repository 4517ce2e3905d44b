package org.bulkhead.model.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.bulkhead.model.domain.Graphics;
import org.bulkhead.model.hypervisor.DomainState;
import org.junit.jupiter.api.Test;

class ConsoleRoutesTest {

    private static String domain(String devices) {
        return "<domain type='qemu'><name>vm</name><devices>" + devices + "</devices></domain>";
    }

    private static final String SOCKET = "<graphics type='vnc'><listen type='socket' socket='/var/lib/libvirt/qemu/domain-3-vm/vnc.sock'/></graphics>";
    private static final String TCP = "<graphics type='vnc' port='5901' autoport='yes' listen='127.0.0.1' passwd='secret'>"
            + "<listen type='address' address='127.0.0.1'/></graphics>";

    @Test
    void aSocketListenerOnThisMachineIsReachedThroughLibvirtWithoutAPort() {
        ConsoleRoute route = ConsoleRoutes.choose("vm", DomainState.RUNNING, domain(SOCKET), true, "qemu:///system");
        ConsoleRoute.ThroughLibvirt libvirt = assertInstanceOf(ConsoleRoute.ThroughLibvirt.class, route);
        assertEquals(0, libvirt.index());
        assertEquals(Optional.empty(), libvirt.fallback());
        assertTrue(route.describe().contains("no network port"), route.describe());
        assertTrue(route.describe().contains("UNIX socket"), route.describe());
    }

    @Test
    void aLoopbackTcpListenerIsKeptAsTheFallback() {
        ConsoleRoute.ThroughLibvirt route = assertInstanceOf(ConsoleRoute.ThroughLibvirt.class,
                ConsoleRoutes.choose("vm", DomainState.RUNNING, domain(TCP), true, "qemu:///system"));
        ConsoleRoute.LoopbackTcp tcp = route.fallback().orElseThrow();
        assertEquals("127.0.0.1", tcp.address());
        assertEquals(5901, tcp.port());
    }

    @Test
    void aListenerOnEveryAddressIsNeverUsedDirectly() {
        String open = "<graphics type='vnc' port='5902' listen='0.0.0.0'><listen type='address' address='0.0.0.0'/></graphics>";
        ConsoleRoute.ThroughLibvirt route = assertInstanceOf(ConsoleRoute.ThroughLibvirt.class,
                ConsoleRoutes.choose("vm", DomainState.RUNNING, domain(open), true, "qemu:///system"));
        assertEquals(Optional.empty(), route.fallback());
    }

    @Test
    void aVmThatIsOffSaysSoAndWaitsForTheStart() {
        ConsoleRoute.Unavailable none = assertInstanceOf(ConsoleRoute.Unavailable.class,
                ConsoleRoutes.choose("vm", DomainState.SHUT_OFF, domain(SOCKET), true, "qemu:///system"));
        assertTrue(none.reason().contains("shut off"), none.reason());
        assertTrue(none.waits());
    }

    @Test
    void aVmWithoutGraphicsSaysHowToAddThem() {
        ConsoleRoute.Unavailable none = assertInstanceOf(ConsoleRoute.Unavailable.class,
                ConsoleRoutes.choose("vm", DomainState.RUNNING, domain(""), true, "qemu:///system"));
        assertTrue(none.reason().contains("no graphical display"), none.reason());
        assertTrue(none.hint().contains("<listen type='socket'/>"), none.hint());
        assertFalse(none.waits());
    }

    @Test
    void spiceOnlyIsNamed() {
        ConsoleRoute.Unavailable none = assertInstanceOf(ConsoleRoute.Unavailable.class,
                ConsoleRoutes.choose("vm", DomainState.RUNNING, domain("<graphics type='spice' autoport='yes'/>"), true,
                        "qemu:///system"));
        assertTrue(none.reason().contains("SPICE"), none.reason());
    }

    @Test
    void theSecondDisplayIsUsedWhenOnlyItIsVnc() {
        ConsoleRoute.ThroughLibvirt route = assertInstanceOf(ConsoleRoute.ThroughLibvirt.class,
                ConsoleRoutes.choose("vm", DomainState.RUNNING, domain("<graphics type='spice'/>" + SOCKET), true,
                        "qemu:///system"));
        assertEquals(1, route.index());
    }

    @Test
    void sshHostsAreNotReachedYetAndSaySo() {
        ConsoleRoute.Unavailable none = assertInstanceOf(ConsoleRoute.Unavailable.class,
                ConsoleRoutes.choose("vm", DomainState.RUNNING, domain(SOCKET), false, "qemu+ssh://root@host/system"));
        assertTrue(none.reason().contains("SSH"), none.reason());
        assertTrue(none.hint().contains("virt-viewer --connect qemu+ssh://root@host/system vm"), none.hint());
    }

    @Test
    void graphicsAreReadFromLiveAndInactiveXml() {
        Graphics live = Graphics.of(domain(TCP)).get(0);
        assertEquals(Graphics.Listen.ADDRESS, live.listen());
        assertEquals(5901, live.port().getAsInt());
        Graphics inactive = Graphics.of(domain("<graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'/>")).get(0);
        assertEquals(Graphics.Listen.ADDRESS, inactive.listen());
        assertTrue(inactive.port().isEmpty());
        assertEquals(Optional.of("127.0.0.1"), inactive.address());
        Graphics none = Graphics.of(domain("<graphics type='vnc'><listen type='none'/></graphics>")).get(0);
        assertEquals(Graphics.Listen.NONE, none.listen());
    }
}
