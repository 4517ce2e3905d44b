package org.bulkhead.app.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.bulkhead.hostsec.LocalHostSecurity;
import org.bulkhead.hostsec.ssh.SshHostSecurity;
import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.provision.VmCreation;
import org.junit.jupiter.api.Test;

/**
 * What creating a VM reads a host's files through: this machine's for a local connection, the
 * remote host's over its ssh for {@code qemu+ssh://} (as the window does), nothing for a
 * transport Bulkhead cannot reach files over. Reading a remote VM's image on this machine
 * would call a well-made VM "not verified".
 */
class WiringTest {

    private final HostSecurity local = LocalHostSecurity.create();
    private final VmCreation.Ports ports = Wiring.of(new LibvirtHypervisor(), local).creationPorts();

    private static HostInfo host(String uri, boolean local) {
        return new HostInfo(uri, "lab", "QEMU", "8.2.0", "9.0.0", local);
    }

    @Test
    void creatingOnAnSshHostReadsThatHostsFilesOverItsSsh() {
        Optional<HostSecurity> security = ports.hostSecurity()
                .apply(host("qemu+ssh://root@lab.invalid:2222/system?keyfile=/keys/lab", false));

        assertTrue(security.orElseThrow() instanceof SshHostSecurity, security.toString());
        String command = String.join(" ", ((SshHostSecurity) security.get()).command());
        assertTrue(command.contains("-p 2222") && command.contains("-l root") && command.endsWith("-- lab.invalid")
                && command.contains("-i /keys/lab"), command);
    }

    @Test
    void creatingOnThisMachineReadsThisMachinesFiles() {
        assertSame(local, ports.hostSecurity().apply(host("qemu:///system", true)).orElseThrow());
    }

    @Test
    void creatingOverATransportWithoutSshReadsNoFilesRatherThanThisMachines() {
        assertEquals(Optional.empty(), ports.hostSecurity().apply(host("qemu+tcp://lab.invalid/system", false)));
    }

    @Test
    void theWizardAndTheWindowShareOneSshAccessPerHost() {
        HostInfo lab = host("qemu+ssh://root@lab.invalid/system", false);
        assertSame(ports.hostSecurity().apply(lab).orElseThrow(), ports.hostSecurity().apply(lab).orElseThrow());
    }
}
