package org.bulkhead.model.console;

import java.io.IOException;
import java.util.Optional;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;

import org.bulkhead.model.hypervisor.ConsoleStream;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;

/**
 * Opens a domain's console on a connection along the route {@link ConsoleRoutes} chooses.
 * Blocks on the daemon: call it on the connection's worker thread, never the UI thread.
 */
public final class ConsoleOpener {

    private static final Logger LOG = System.getLogger(ConsoleOpener.class.getName());

    private ConsoleOpener() {
    }

    /** @throws HypervisorException saying why there is no console and what to do */
    public static ConsoleStream open(HypervisorConnection connection, String uuid) {
        DomainRecord domain = connection.domain(uuid).orElseThrow(() -> new HypervisorException(
                "The VM " + uuid + " no longer exists on " + connection.uri(), "Close its console."));
        ConsoleRoute route = ConsoleRoutes.choose(domain.name(), domain.state(), domain.xml(),
                connection.hostInfo().local(), connection.uri());
        return switch (route) {
            case ConsoleRoute.Unavailable none -> throw new HypervisorException(none.reason(), none.hint());
            case ConsoleRoute.LoopbackTcp tcp -> tcp(connection, domain, tcp);
            case ConsoleRoute.OverSsh ssh -> ssh(connection, domain, ssh);
            case ConsoleRoute.ThroughLibvirt libvirt -> {
                try {
                    yield connection.openGraphics(uuid, libvirt.index());
                } catch (HypervisorException e) {
                    // A daemon reached over a transport that cannot pass descriptors (ssh to this
                    // very machine, say): the loopback listener, if the VM has one, still works.
                    if (libvirt.fallback().isEmpty()) {
                        throw e;
                    }
                    yield tcp(connection, domain, libvirt.fallback().get());
                }
            }
        };
    }

    /**
     * The password is only in the secure XML, which a read-only connection may not show: then
     * none is offered, and a server that wants one refuses the console with its own message.
     */
    private static Optional<String> password(HypervisorConnection connection, DomainRecord domain, int index) {
        try {
            return connection.graphicsPassword(domain.uuid(), index);
        } catch (HypervisorException e) {
            LOG.log(Level.DEBUG, "no console password for " + domain.name() + ": " + e.userMessage());
            return Optional.empty();
        }
    }

    private static ConsoleStream tcp(HypervisorConnection connection, DomainRecord domain, ConsoleRoute.LoopbackTcp tcp) {
        try {
            return LoopbackSocketStream.connect(tcp, password(connection, domain, tcp.index()));
        } catch (IOException e) {
            throw new HypervisorException("Could not reach the VNC server of '" + domain.name() + "' on "
                    + tcp.address() + ":" + tcp.port() + ": " + e.getMessage(),
                    "Check that the VM is still running (virsh domdisplay " + domain.name() + ")", e);
        }
    }

    private static ConsoleStream ssh(HypervisorConnection connection, DomainRecord domain, ConsoleRoute.OverSsh ssh) {
        // A socket needs no password: reaching it already takes the right to open it on that host.
        Optional<String> password = ssh.socket() ? Optional.empty() : password(connection, domain, ssh.index());
        try {
            return SshTunnelStream.open(ssh, password);
        } catch (IOException e) {
            throw new HypervisorException("Could not reach the console of '" + domain.name() + "' through SSH to "
                    + ssh.host() + ": " + e.getMessage(),
                    ssh.socket()
                            ? "The VM's socket there opens only for root and QEMU's own user: connect as one of them "
                                    + "(qemu+ssh://root@" + ssh.host() + "/system), and check that "
                                    + String.join(" ", ssh.ssh()) + " true works without a password prompt."
                            : "Check that " + String.join(" ", ssh.ssh()) + " true works without a password prompt "
                                    + "and that the VM is still running.", e);
        }
    }
}
