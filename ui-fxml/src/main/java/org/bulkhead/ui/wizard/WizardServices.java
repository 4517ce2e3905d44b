package org.bulkhead.ui.wizard;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.provision.HostFiles;
import org.bulkhead.model.provision.LabelLedgers;
import org.bulkhead.model.provision.VmCreation;
import org.bulkhead.model.session.HostContext;
import org.bulkhead.model.session.SnapshotFactory;

/**
 * The ports the wizard works through, as the application wires them: those of
 * {@link VmCreation}, which does the wizard's work without a window.
 *
 * @param hostProbe    what confines domains on a connection's host (DomainInspector::probeHost)
 * @param snapshots    builds a domain's labels and checks, for reading the new VM back
 * @param hostSecurity this machine's file labels, for the permission bits of new volumes
 * @param hostFiles    this machine's directories and filesystems, for the pre-flight checks
 */
public record WizardServices(Hypervisor hypervisor, Function<HypervisorConnection, HostContext> hostProbe,
        SnapshotFactory snapshots, Optional<HostSecurity> hostSecurity, Optional<HostFiles> hostFiles,
        LabelLedgers ledgers) {

    public WizardServices {
        Objects.requireNonNull(hypervisor, "hypervisor");
        Objects.requireNonNull(hostProbe, "hostProbe");
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(hostSecurity, "hostSecurity");
        Objects.requireNonNull(hostFiles, "hostFiles");
        Objects.requireNonNull(ledgers, "ledgers");
    }

    public static WizardServices of(VmCreation.Ports ports) {
        return new WizardServices(ports.hypervisor(), ports.hostProbe(), ports.snapshots(), ports.hostSecurity(),
                ports.hostFiles(), ports.ledgers());
    }

    public VmCreation.Ports creationPorts() {
        return new VmCreation.Ports(hypervisor, hostProbe, snapshots, hostSecurity, hostFiles, ledgers);
    }
}
