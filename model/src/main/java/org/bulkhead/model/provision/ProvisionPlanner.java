package org.bulkhead.model.provision;

import org.bulkhead.model.isolation.IsolationPlan;
import org.bulkhead.model.isolation.IsolationModels;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.NewDisk;
import org.bulkhead.model.domain.NewDomain;
import org.bulkhead.model.osinfo.GuestOs;
import org.bulkhead.model.hypervisor.NetworkInfo;
import org.bulkhead.model.hypervisor.StoragePoolInfo;
import org.bulkhead.model.hypervisor.VolumeRequest;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.plan.PlanContext;
import org.bulkhead.model.plan.ResourceLabelPlan;
import org.bulkhead.model.host.HostContext;

/** Turns the wizard's answers into a {@link ProvisionDraft}: label, volume, XML and resource plan. */
public final class ProvisionPlanner {

    private ProvisionPlanner() {
    }

    /**
     * Drafts the VM. What the ledger reserves for it stays reserved until the draft is released
     * ({@link IsolationPlan#release}) or the domain is defined.
     *
     * @throws IllegalArgumentException when an answer is unusable (the message says which)
     * @throws IllegalStateException    when Isolated is asked for and the host cannot honour it
     */
    public static ProvisionDraft draft(VmRequest request, HostContext host, LabelLedger ledger,
            List<StoragePoolInfo> pools) {
        return draft(request, host, ledger, HostSetup.of(pools));
    }

    /**
     * Drafts the VM on a host whose pools and networks the wizard has read: a pool to create
     * and a network to start become the draft's {@link HostPreparation}.
     */
    public static ProvisionDraft draft(VmRequest request, HostContext host, LabelLedger ledger, HostSetup setup) {
        RequestRules.check(request).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        String uuid = UUID.randomUUID().toString();
        Optional<StoragePoolInfo> pool = Optional.empty();
        Optional<StoragePoolInfo> createPool = Optional.empty();
        if (request.storage() instanceof VmRequest.Storage.NewVolume wanted) {
            Optional<StoragePoolInfo> existing = setup.pools().stream().filter(p -> p.name().equals(wanted.pool()))
                    .findFirst();
            createPool = existing.isPresent() ? Optional.empty()
                    : setup.newPool().filter(p -> p.name().equals(wanted.pool()));
            pool = Optional.of(existing.or(() -> setup.newPool().filter(p -> p.name().equals(wanted.pool())))
                    .orElseThrow(() -> new IllegalArgumentException("There is no storage pool named '"
                            + wanted.pool() + "' on " + host.info().uri() + ".")));
            if (pool.get().targetPath().isEmpty()) {
                throw new IllegalArgumentException("Pool '" + pool.get().name() + "' (" + pool.get().type()
                        + ") has no directory for file volumes; choose a directory pool.");
            }
        }
        Optional<String> startNetwork = Optional.empty();
        if (request.network().isPresent() && setup.networks().isPresent()) {
            String wanted = request.network().get();
            NetworkInfo network = setup.networks().get().stream().filter(n -> n.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("There is no network named '" + wanted + "' on "
                            + host.info().uri() + ". Go back to the Network page and choose no network, or define"
                            + " one (virsh net-define)."));
            startNetwork = network.active() ? Optional.empty() : Optional.of(wanted);
        }
        HostPreparation preparation = new HostPreparation(createPool, startNetwork);

        IsolationPlan isolation = IsolationModels.plan(host, request.isolated(), request.pinLabel(), ledger, uuid);
        try {
            Optional<VolumeRequest> volume = Optional.empty();
            Optional<String> volumePath = Optional.empty();
            if (request.storage() instanceof VmRequest.Storage.NewVolume wanted) {
                String name = volumeName(request.name(), uuid);
                String dir = pool.get().targetPath().get();
                volume = Optional.of(new VolumeRequest(wanted.pool(), name, wanted.capacityBytes(), "qcow2",
                        isolation.volumeMode()));
                volumePath = Optional.of(dir.endsWith("/") ? dir + name : dir + "/" + name);
            }
            NewDomain.Builder builder = NewDomain.builder(request.name()).uuid(uuid).virtType(request.virtType())
                    .memoryMiB(request.memoryMiB()).vcpus(request.vcpus());
            // A system without virtio drivers (older Windows, say) gets SATA disks and an e1000 card it can see.
            boolean virtioDisk = request.os().map(GuestOs::virtioDisk).orElse(true);
            List<String> targets = virtioDisk ? List.of("vda", "vdb") : List.of("sda", "sdb");
            int next = 0;
            if (volumePath.isPresent()) {
                builder.disk(NewDisk.disk(volumePath.get(), "qcow2", targets.get(next++)));
            }
            if (request.source() instanceof VmRequest.InstallSource.ImportImage image) {
                builder.disk(NewDisk.disk(image.path(), image.format(), targets.get(next++)));
            }
            if (request.source() instanceof VmRequest.InstallSource.Iso iso) {
                String cdrom = virtioDisk ? "sda" : "sd" + (char) ('a' + next);
                builder.disk(isolation.rules().installMedium(NewDisk.cdrom(iso.path(), cdrom)));
            }
            request.os().ifPresent(os -> builder.os(os.id()));
            builder.nicModel(request.os().map(GuestOs::virtioNetwork).orElse(true) ? "virtio" : "e1000");
            request.network().ifPresent(builder::network);
            isolation.seclabels().forEach(builder::seclabel);
            NewDomain domain = builder.build();
            String xml = DomainXml.write(domain);
            PlanContext context = new PlanContext(isolation.model(), isolation.label(), Optional.empty(),
                    host.baseContexts());
            ResourceLabelPlan plan = ResourceLabelPlan.compute(DomainXml.parse(xml), context);
            return new ProvisionDraft(request, host, domain, xml, volume, volumePath, isolation, plan,
                    preparation);
        } catch (RuntimeException e) {
            isolation.release(ledger);
            throw e;
        }
    }

    /** A file name from the VM's name: only letters, digits, '.', '_' and '-', never hidden, never a path. */
    static String volumeName(String vmName, String uuid) {
        String safe = vmName.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^[.]+", "");
        if (safe.length() > 64) {
            safe = safe.substring(0, 64);
        }
        if (safe.isEmpty()) {
            safe = "vm";
        }
        return safe + "-" + uuid.substring(0, 8).toLowerCase(Locale.ROOT) + ".qcow2";
    }
}
