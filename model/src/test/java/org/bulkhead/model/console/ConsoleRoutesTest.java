package org.bulkhead.model.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
    void aVmOnAnSshHostIsReachedThroughSshToItsSocketWithNoPortAnywhere() {
        ConsoleRoute.OverSsh ssh = assertInstanceOf(ConsoleRoute.OverSsh.class, ConsoleRoutes.choose("vm",
                DomainState.RUNNING, domain(SOCKET), false, "qemu+ssh://root@host:2222/system?keyfile=/k%20ey&no_verify=1"));
        assertTrue(ssh.socket());
        assertEquals("host", ssh.host());
        List<String> command = ssh.command();
        assertEquals("ssh", command.get(0));
        // The destination comes after "--", then the one line the host's shell runs.
        assertEquals(List.of("--", "host"), command.subList(command.size() - 3, command.size() - 1));
        assertTrue(command.get(command.size() - 1).contains("'unix' '/var/lib/libvirt/qemu/domain-3-vm/vnc.sock'"),
                command.get(command.size() - 1));
        assertEquals("2222", command.get(command.indexOf("-p") + 1));
        assertEquals("root", command.get(command.indexOf("-l") + 1));
        assertEquals("/k ey", command.get(command.indexOf("-i") + 1));
        assertTrue(command.contains("StrictHostKeyChecking=no"), command.toString());
        assertTrue(ssh.describe().contains("no port is opened"), ssh.describe());
        assertTrue(ssh.describe().contains("relayed there"), ssh.describe());
    }

    @Test
    void onAnSelinuxHostTheRelayRunsAtTheVmsOwnLevel() {
        String live = "<domain type='qemu'><name>vm</name><uuid>6f9b2c9e-8a43-4c1e-9d7a-2f1f0e6b5a11</uuid><devices>" + SOCKET + "</devices>"
                + "<seclabel type='dynamic' model='selinux' relabel='yes'>"
                + "<label>system_u:system_r:svirt_t:s0:c327,c549</label>"
                + "<imagelabel>system_u:object_r:svirt_image_t:s0:c327,c549</imagelabel></seclabel></domain>";
        ConsoleRoute.OverSsh ssh = assertInstanceOf(ConsoleRoute.OverSsh.class,
                ConsoleRoutes.choose("vm", DomainState.RUNNING, live, false, "qemu+ssh://root@host/system"));
        assertEquals(Optional.of("s0:c327,c549"), ssh.level());
        assertTrue(ssh.remoteCommand().endsWith(" 's0:c327,c549'"), ssh.remoteCommand());
        assertTrue(ssh.describe().contains("SELinux level s0:c327,c549"), ssh.describe());
        assertEquals(Optional.empty(), assertInstanceOf(ConsoleRoute.OverSsh.class,
                ConsoleRoutes.choose("vm", DomainState.RUNNING, domain(SOCKET), false, "qemu+ssh://root@host/system")).level());
    }

    @Test
    void sshToThisVeryMachineStillGoesThroughSshBecauseNoDescriptorComesBack() {
        assertInstanceOf(ConsoleRoute.OverSsh.class, ConsoleRoutes.choose("vm", DomainState.RUNNING, domain(SOCKET),
                true, "qemu+ssh://root@127.0.0.1/system"));
    }

    @Test
    void aLoopbackListenerOnAnSshHostIsForwardedThereAndNeverOpenedHere() {
        ConsoleRoute.OverSsh ssh = assertInstanceOf(ConsoleRoute.OverSsh.class, ConsoleRoutes.choose("vm",
                DomainState.RUNNING, domain(TCP), false, "qemu+ssh://host/system"));
        assertFalse(ssh.socket());
        assertTrue(ssh.remoteCommand().contains("'tcp' '127.0.0.1:5901'"), ssh.remoteCommand());
        assertFalse(ssh.command().contains("-l"), "no user in the URI: ssh's own configuration chooses");
    }

    @Test
    void aListenerOnEveryAddressOfAnSshHostIsRefusedWithTheFix() {
        String open = "<graphics type='vnc' port='5902' listen='0.0.0.0'><listen type='address' address='0.0.0.0'/></graphics>";
        ConsoleRoute.Unavailable none = assertInstanceOf(ConsoleRoute.Unavailable.class,
                ConsoleRoutes.choose("vm", DomainState.RUNNING, domain(open), false, "qemu+ssh://root@host/system"));
        assertTrue(none.reason().contains("TCP 0.0.0.0:5902"), none.reason());
        assertTrue(none.hint().contains("<listen type='socket'/>"), none.hint());
    }

    @Test
    void aTcpHostSaysToUseSsh() {
        ConsoleRoute.Unavailable none = assertInstanceOf(ConsoleRoute.Unavailable.class,
                ConsoleRoutes.choose("vm", DomainState.RUNNING, domain(SOCKET), false, "qemu+tcp://host/system"));
        assertTrue(none.hint().contains("qemu+ssh://"), none.hint());
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
