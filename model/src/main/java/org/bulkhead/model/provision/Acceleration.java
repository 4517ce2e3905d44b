package org.bulkhead.model.provision;

import org.bulkhead.model.isolation.IsolationModels;
import org.bulkhead.model.isolation.IsolationModel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.bulkhead.model.host.HostContext;

/**
 * Whether a new VM can use KVM on a host, so the wizard can default "Emulate the CPU" to what
 * will actually start: libvirt must offer KVM domains, and on a DAC-only host an isolated VM's
 * private UID (with QEMU's group and no other) must be able to open {@code /dev/kvm}. The
 * pre-flight check stays as the guard when the user asks for KVM anyway.
 *
 * @param isolated whether an isolated VM can use KVM
 * @param shared   whether a VM under libvirt's shared QEMU user can
 * @param reason   why emulation is the default, for the wizard to say; empty when KVM works
 */
public record Acceleration(boolean isolated, boolean shared, String reason) {

    static final Path KVM = Path.of("/dev/kvm");
    /** No real account has this UID; it stands for "a UID of its own", which only others' permission bits admit. */
    private static final int PRIVATE_UID = Integer.MAX_VALUE - 1;

    public Acceleration {
        Objects.requireNonNull(reason, "reason");
    }

    /** Touches {@code /dev/kvm} on a local DAC host: call off the UI thread. */
    public static Acceleration of(HostContext host, Optional<HostFiles> files) {
        IsolationModel rules = IsolationModels.of(host);
        if (rules.simulated()) {
            return new Acceleration(true, true, "");
        }
        if (!host.capabilities().offersKvm()) {
            return new Acceleration(false, false, "libvirt offers no KVM on this host, so the CPU is emulated (TCG).");
        }
        OptionalInt group = rules.privateGroup(host);
        if (!rules.privateUser() || !host.info().local() || files.isEmpty() || group.isEmpty()) {
            return new Acceleration(true, true, "");
        }
        Optional<HostFiles.PathFacts> kvm = files.get().facts(KVM);
        if (kvm.isEmpty() || kvm.get().readWritableBy(PRIVATE_UID, group.getAsInt())) {
            return new Acceleration(true, true, "");
        }
        HostFiles.PathFacts facts = kvm.get();
        return new Acceleration(false, true, "An isolated VM runs as a UID of its own, which cannot open " + KVM
                + " (mode " + String.format("%04o", facts.mode() & 07777) + ", owner " + facts.uid() + ", group "
                + facts.gid() + "), so its CPU is emulated (TCG). To use KVM, let every user open it: chmod 0666 "
                + KVM + ".");
    }

    /** Whether to emulate by default for a VM with or without Isolated. */
    public boolean emulateByDefault(boolean isolatedVm) {
        return !(isolatedVm ? isolated : shared);
    }
}
