package org.bulkhead.model.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bulkhead.model.host.HostCapabilities;
import org.bulkhead.model.host.HostContext;
import org.junit.jupiter.api.Test;

class AccelerationTest {

    private final PreflightTest.Files files = new PreflightTest.Files();

    private void kvm(int mode) {
        files.facts.put(Acceleration.KVM, new HostFiles.PathFacts(Acceleration.KVM, 0, 107, mode, false, "devtmpfs",
                false));
    }

    @Test
    void aRootKvmGroupDeviceMeansAnIsolatedDacVmIsEmulatedAndTheWizardSaysWhy() {
        kvm(0660);
        Acceleration acceleration = Acceleration.of(Hosts.dac(), Optional.of(files));

        assertTrue(acceleration.emulateByDefault(true), "its own UID cannot open /dev/kvm");
        assertFalse(acceleration.emulateByDefault(false), "libvirt's shared QEMU user is in the kvm group");
        assertTrue(acceleration.reason().contains("0660") && acceleration.reason().contains("chmod 0666 /dev/kvm"),
                acceleration.reason());
    }

    @Test
    void aKvmDeviceEveryUserMayOpenKeepsKvm() {
        kvm(0666);
        assertFalse(Acceleration.of(Hosts.dac(), Optional.of(files)).emulateByDefault(true));
    }

    @Test
    void aHostWhoseLibvirtOffersNoKvmIsAlwaysEmulated() {
        HostContext dac = Hosts.dac();
        HostContext noKvm = new HostContext(dac.info(), new HostCapabilities(Optional.empty(), "x86_64", List.of(),
                Set.of("qemu")), dac.models(), dac.enforcement(), dac.localDriver(), dac.baseContexts(),
                dac.notes());
        Acceleration acceleration = Acceleration.of(noKvm, Optional.of(files));

        assertTrue(acceleration.emulateByDefault(true));
        assertTrue(acceleration.emulateByDefault(false));
        assertEquals("libvirt offers no KVM on this host, so the CPU is emulated (TCG).", acceleration.reason());
    }

    @Test
    void anSelinuxHostIsNotJudgedByFileModes() {
        kvm(0660);
        assertFalse(Acceleration.of(Hosts.selinux(), Optional.of(files)).emulateByDefault(true),
                "with SELinux, isolated VMs keep libvirt's QEMU user and its kvm group");
    }
}
