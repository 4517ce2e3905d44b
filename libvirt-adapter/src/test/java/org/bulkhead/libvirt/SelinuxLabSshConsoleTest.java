package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.bulkhead.model.console.ConsoleOpener;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.NewDomain;
import org.bulkhead.model.hypervisor.ConsoleStream;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The console of a VM on a host reached over {@code qemu+ssh://}: the lab's libvirtd through
 * libvirt's own ssh transport, and the VM's VNC socket in the lab through the system's ssh. No
 * port is opened for the console at either end; the test reads the VNC server's greeting.
 */
@Tag("selinux-lab")
class SelinuxLabSshConsoleTest {

    @Test
    void theConsoleOfAVmOnAnSshHostAnswersThroughSshToItsSocket() throws Exception {
        String uri = sshUri();
        String name = "bulkhead-lab-console-" + UUID.randomUUID().toString().substring(0, 8);
        try (LibvirtConnection connection = open(uri)) {
            DomainRecord vm = connection.define(DomainXml.write(NewDomain.builder(name).virtType("qemu")
                    .memoryMiB(64).machine("q35").build()));
            try {
                connection.start(vm.uuid());
                try (ConsoleStream console = ConsoleOpener.open(connection, vm.uuid())) {
                    assertTrue(console.route().contains("through SSH to 127.0.0.1"), console.route());
                    assertTrue(console.route().contains("vnc.sock"), console.route());
                    assertTrue(console.route().contains("SELinux level s0:c"), console.route());
                    InputStream in = console.input();
                    byte[] greeting = in.readNBytes(12);
                    assertEquals("RFB 003.008\n", new String(greeting, StandardCharsets.US_ASCII),
                            "QEMU's VNC server greets through the tunnel");
                    SelinuxLab.report("console of " + name + " over qemu+ssh: " + console.route());
                }
                // The same socket from another compartment's level: QEMU may not answer it.
                String socket = org.bulkhead.model.domain.Graphics.of(connection.domain(vm.uuid()).orElseThrow().xml())
                        .get(0).socket().orElseThrow();
                String other = SelinuxLab.sshOk("runcon -l s0:c1,c2 python3 -c " + SelinuxLab.quote(
                        "import socket,sys; s=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); print(repr(s.recv(12)))")
                        + " " + SelinuxLab.quote(socket));
                assertEquals("b''", other.strip(), "a peer at another level gets no console");
            } finally {
                try {
                    connection.destroy(vm.uuid());
                } catch (HypervisorException e) {
                    // Not running: nothing to stop.
                }
                connection.undefine(vm.uuid(), false);
            }
        }
    }

    /** The lab as {@code qemu+ssh://root@127.0.0.1:PORT/system}, from the ssh command line prove passes. */
    private static String sshUri() {
        SelinuxLab.uri();
        List<String> words = Arrays.asList(System.getProperty(SelinuxLab.SSH_PROPERTY, "").trim().split("\\s+"));
        int key = words.indexOf("-i");
        int port = words.indexOf("-p");
        if (key < 0 || port < 0) {
            return fail(SelinuxLab.SSH_PROPERTY + " names no -i key or -p port: " + words);
        }
        return "qemu+ssh://root@127.0.0.1:" + words.get(port + 1) + "/system?keyfile=" + words.get(key + 1)
                + "&no_verify=1";
    }

    private static LibvirtConnection open(String uri) {
        try {
            return new LibvirtHypervisor().open(uri);
        } catch (HypervisorException e) {
            return fail("the lab over " + uri + " is unreachable: " + e.userMessage(), e);
        }
    }
}
