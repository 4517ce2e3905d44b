package org.bulkhead.model.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A domain Bulkhead is about to define. {@link DomainXml#write} adds a serial pty console, VNC
 * graphics listening on a UNIX socket only (no TCP port), a VGA video device and a USB tablet.
 *
 * @param uuid      generated when null
 * @param virtType  kvm, qemu or test
 * @param arch      x86_64 when null
 * @param network   the libvirt network to attach to (usually {@code default}, NAT); empty: no NIC
 * @param seclabels written as given, after libvirt's own checks
 * @param osId      libosinfo's id of the guest's system, written into the metadata as libvirt's tools do
 * @param nicModel  the network card: virtio, or e1000 for a system without virtio drivers
 */
public record NewDomain(String name, String uuid, String virtType, long memoryMiB, int vcpus, String arch,
        Optional<String> machine, List<NewDisk> disks, Optional<String> network, List<SecLabel> seclabels,
        Optional<String> osId, String nicModel) {

    public NewDomain {
        Objects.requireNonNull(name, "name");
        uuid = uuid == null ? UUID.randomUUID().toString() : uuid;
        Objects.requireNonNull(virtType, "virtType");
        arch = arch == null ? "x86_64" : arch;
        Objects.requireNonNull(machine, "machine");
        disks = List.copyOf(disks);
        Objects.requireNonNull(network, "network");
        seclabels = List.copyOf(seclabels);
        Objects.requireNonNull(osId, "osId");
        nicModel = nicModel == null ? "virtio" : nicModel;
        if (memoryMiB <= 0) {
            throw new IllegalArgumentException("Memory must be positive, got " + memoryMiB + " MiB");
        }
        if (vcpus <= 0) {
            throw new IllegalArgumentException("A domain needs at least one vCPU, got " + vcpus);
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Collects the wizard's answers one at a time; unset fields take the record's defaults. */
    public static final class Builder {
        private final String name;
        private String uuid;
        private String virtType = "kvm";
        private long memoryMiB = 1024;
        private int vcpus = 1;
        private String arch;
        private String machine;
        private final List<NewDisk> disks = new ArrayList<>();
        private String network;
        private final List<SecLabel> seclabels = new ArrayList<>();
        private String osId;
        private String nicModel;

        private Builder(String name) {
            this.name = name;
        }

        public Builder uuid(String value) {
            uuid = value;
            return this;
        }

        public Builder virtType(String value) {
            virtType = value;
            return this;
        }

        public Builder memoryMiB(long value) {
            memoryMiB = value;
            return this;
        }

        public Builder vcpus(int value) {
            vcpus = value;
            return this;
        }

        public Builder arch(String value) {
            arch = value;
            return this;
        }

        public Builder machine(String value) {
            machine = value;
            return this;
        }

        public Builder disk(NewDisk disk) {
            disks.add(disk);
            return this;
        }

        public Builder network(String value) {
            network = value;
            return this;
        }

        public Builder seclabel(SecLabel seclabel) {
            seclabels.add(seclabel);
            return this;
        }

        public Builder os(String libosinfoId) {
            osId = libosinfoId;
            return this;
        }

        public Builder nicModel(String value) {
            nicModel = value;
            return this;
        }

        public NewDomain build() {
            return new NewDomain(name, uuid, virtType, memoryMiB, vcpus, arch, Optional.ofNullable(machine),
                    disks, Optional.ofNullable(network), seclabels, Optional.ofNullable(osId), nicModel);
        }
    }
}
