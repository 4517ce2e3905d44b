package org.bulkhead.libvirt;

import org.bulkhead.model.hypervisor.ConnectionUri;
import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.libvirt.LibvirtException;

/**
 * Opens libvirt connections: {@code test:///default}, {@code test:///path/node.xml},
 * {@code qemu:///system}, {@code qemu+tcp://host/system}, {@code qemu+ssh://user@host/system}.
 * The first open starts libvirt's event loop on the daemon thread {@code libvirt-events};
 * every connection of the process shares it. No authentication callback is installed, so
 * remote hosts must accept SSH keys, TLS certificates or unauthenticated TCP.
 */
public final class LibvirtHypervisor implements Hypervisor {

    public LibvirtHypervisor() {
    }

    /** @throws HypervisorException what failed, libvirt's reason and what to try */
    @Override
    public LibvirtConnection open(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new HypervisorException("Could not connect: no URI was given",
                    "Enter a URI such as qemu:///system or test:///default");
        }
        String text = uri.strip();
        ConnectionUri parsed;
        try {
            parsed = ConnectionUri.parse(text);
        } catch (IllegalArgumentException e) {
            throw new HypervisorException("Could not connect to " + text + ": " + e.getMessage(),
                    "Check the URI; it should look like " + Failures.URI_EXAMPLES, e);
        }
        try {
            EventLoop.ensureRunning();
        } catch (LinkageError e) {
            throw Failures.libraryMissing(text, e);
        } catch (LibvirtException e) {
            throw new HypervisorException("Could not connect to " + text
                    + ": libvirt's event loop did not start: " + Failures.reason(e),
                    "Check the libvirt0 installation", e);
        }
        return LibvirtConnection.open(parsed);
    }
}
