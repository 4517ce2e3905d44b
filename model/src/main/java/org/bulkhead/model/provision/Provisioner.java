package org.bulkhead.model.provision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bulkhead.model.isolation.IsolationPlan;
import org.bulkhead.model.domain.NewDisk;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.hypervisor.StorageVolume;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.provision.ProvisionListener.State;
import org.bulkhead.model.store.Compartments;
import org.bulkhead.model.store.SnapshotFactory;

/**
 * Finish: prepares the host (a storage pool to create, a network to start), creates the volume,
 * defines the domain, starts it if asked and reads its labels back.
 * When a step fails, everything this run created is removed again in reverse order and the
 * ledger's reservation released, so a failed wizard leaves nothing behind. Blocks: run it in
 * the background.
 */
public final class Provisioner {

    private final HypervisorConnection connection;
    private final LabelLedger ledger;
    private final LabelVerifier verifier;
    private final Optional<HostFiles> files;

    /** @param files this machine's files, for making an isolated VM's imported images private */
    public Provisioner(HypervisorConnection connection, LabelLedger ledger, LabelVerifier verifier,
            Optional<HostFiles> files) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.files = Objects.requireNonNull(files, "files");
    }

    public Provisioner(HypervisorConnection connection, LabelLedger ledger, LabelVerifier verifier) {
        this(connection, ledger, verifier, Optional.empty());
    }

    public Provisioner(HypervisorConnection connection, LabelLedger ledger, SnapshotFactory snapshots) {
        this(connection, ledger, new LabelVerifier(snapshots, Optional.empty()));
    }

    public ProvisionOutcome finish(ProvisionDraft draft, ProvisionListener listener) {
        Run run = new Run(draft, listener);
        try {
            run.checkLabel();
            run.prepareHost();
            run.createVolume();
            run.define();
            run.start();
        } catch (RuntimeException e) {
            return run.rollBack(e);
        }
        Optional<Verification> verification = Optional.empty();
        if (run.started) {
            listener.step(ProvisionStep.VERIFY, State.RUNNING, "");
            verification = Optional.of(verifier.verify(draft, connection));
            listener.step(ProvisionStep.VERIFY, State.DONE, verification.get().verdict().label());
        } else {
            listener.step(ProvisionStep.VERIFY, State.SKIPPED, "the VM was not started");
        }
        return new ProvisionOutcome(draft.uuid(), draft.domain().name(), run.started, Optional.empty(),
                Optional.empty(), List.of(), verification);
    }

    /** The state of one Finish: what has been created so far, for the roll-back. */
    private final class Run {
        private final ProvisionDraft draft;
        private final ProvisionListener listener;
        private ProvisionStep current = ProvisionStep.CHECK_LABEL;
        private Optional<String> volumePath = Optional.empty();
        private Optional<String> createdPool = Optional.empty();
        private Optional<String> startedNetwork = Optional.empty();
        private final java.util.Map<Path, Integer> privatized = new java.util.LinkedHashMap<>();
        private boolean defined;
        private boolean started;

        Run(ProvisionDraft draft, ProvisionListener listener) {
            this.draft = draft;
            this.listener = listener;
        }

        private void begin(ProvisionStep step) {
            current = step;
            listener.step(step, State.RUNNING, "");
        }

        void checkLabel() {
            begin(ProvisionStep.CHECK_LABEL);
            List<DomainRecord> domains = connection.listDomains();
            LabelUses.resync(ledger, domains);
            domains.stream().filter(d -> d.name().equals(draft.domain().name())).findFirst().ifPresent(d -> {
                throw new IllegalStateException("A domain named '" + d.name() + "' already exists on "
                        + connection.uri() + ". Go back and choose another name.");
            });
            IsolationPlan isolation = draft.isolation();
            Optional<String> holder = isolation.reservedUid().isPresent()
                    ? ledger.ownerOfUid(isolation.reservedUid().getAsInt())
                    : isolation.reservedPair().flatMap(ledger::ownerOf);
            if (holder.isPresent() && !holder.get().equals(draft.uuid())) {
                String other = domains.stream().filter(d -> d.uuid().equals(holder.get())).map(DomainRecord::name)
                        .findFirst().orElse(holder.get());
                throw new IllegalStateException(isolation.label().orElse("The label") + " was taken by '" + other
                        + "' after the summary was shown. Go back to the summary to get another label.");
            }
            listener.step(ProvisionStep.CHECK_LABEL, State.DONE, isolation.labelText());
        }

        void prepareHost() {
            HostPreparation preparation = draft.preparation();
            List<Path> images = imagesToMakePrivate();
            if (preparation.isEmpty() && images.isEmpty()) {
                listener.step(ProvisionStep.PREPARE_HOST, State.SKIPPED, "the pool and network are ready");
                return;
            }
            begin(ProvisionStep.PREPARE_HOST);
            List<String> done = new ArrayList<>(preparation.changes());
            for (Path image : images) {
                HostFiles local = files.orElseThrow();
                int before = local.facts(image).orElseThrow(() -> new IllegalStateException(image
                        + " disappeared after the summary was shown. Go back and choose the image again.")).mode();
                // Remembered before the call, so a failure half-way is still undone.
                privatized.put(image, before);
                local.setMode(image, (before & ~0777) | draft.isolation().volumeMode());
                done.add("made " + image + " private (" + String.format("%04o", draft.isolation().volumeMode())
                        + ", was " + String.format("%04o", before & 07777) + ")");
            }
            if (preparation.isEmpty()) {
                listener.step(ProvisionStep.PREPARE_HOST, State.DONE, String.join("; ", done));
                return;
            }
            // Marked before the call: a failure reported after libvirt acted (a lost reply) must
            // still be undone. The roll-back looks before it removes.
            // What appeared since the summary (another client made the pool or started the
            // network) is used as it is and never undone by this run.
            if (preparation.createPool().isPresent() && !poolExists(preparation.createPool().get().name())) {
                var pool = preparation.createPool().get();
                createdPool = Optional.of(pool.name());
                connection.createDirPool(pool.name(), pool.targetPath().orElseThrow());
            }
            if (preparation.startNetwork().isPresent() && !networkRuns(preparation.startNetwork().get())) {
                startedNetwork = preparation.startNetwork();
                connection.startNetwork(preparation.startNetwork().get());
            }
            listener.step(ProvisionStep.PREPARE_HOST, State.DONE, String.join("; ", done));
        }

        void createVolume() {
            if (draft.volume().isEmpty()) {
                listener.step(ProvisionStep.CREATE_VOLUME, State.SKIPPED, "no new volume");
                return;
            }
            begin(ProvisionStep.CREATE_VOLUME);
            StorageVolume volume = connection.createVolume(draft.volume().get());
            volumePath = Optional.of(volume.path());
            if (!draft.volumePath().equals(volumePath)) {
                throw new IllegalStateException("The pool put the new volume at " + volume.path() + ", not at "
                        + draft.volumePath().orElse("(unknown)") + " where the VM's XML expects it.");
            }
            listener.step(ProvisionStep.CREATE_VOLUME, State.DONE, volume.path());
        }

        void define() {
            begin(ProvisionStep.DEFINE);
            DomainRecord record = connection.define(draft.xml());
            defined = true;
            if (!record.uuid().equals(draft.uuid())) {
                throw new IllegalStateException("libvirt defined '" + record.name() + "' with UUID " + record.uuid()
                        + " instead of " + draft.uuid() + ": another domain with this name or UUID exists.");
            }
            // The domain now holds its label in libvirt's XML; the reservation turns into that use.
            ledger.replaceDomain(record.uuid(), LabelUses.of(record));
            // Another Bulkhead (or any client) may have defined a domain with the same label between
            // the last check and this define; libvirt itself never refuses a static label in use.
            // Whichever of the two checks last sees the other, so at most one of them is kept.
            List<String> sharers = Compartments.sharers(record.uuid(), connection.listDomains().stream()
                    .flatMap(d -> LabelUses.of(d).stream()).toList());
            if (!sharers.isEmpty()) {
                throw new IllegalStateException(draft.isolation().label().orElse("The label") + " was given to '"
                        + String.join("', '", sharers) + "' at the same moment, so the two VMs would share one"
                        + " compartment. Finish again to get a label of its own.");
            }
            listener.step(ProvisionStep.DEFINE, State.DONE, record.name());
        }

        void start() {
            if (!draft.request().start()) {
                listener.step(ProvisionStep.START, State.SKIPPED, "not asked to start");
                return;
            }
            begin(ProvisionStep.START);
            connection.start(draft.uuid());
            started = true;
            listener.step(ProvisionStep.START, State.DONE, "");
        }

        ProvisionOutcome rollBack(RuntimeException cause) {
            String why = reason(cause);
            listener.step(current, State.FAILED, why);
            listener.step(ProvisionStep.ROLL_BACK, State.RUNNING, "");
            List<String> report = new ArrayList<>();
            boolean clean = true;
            // A start that reported failure may still have left QEMU running, and undefining a
            // running domain only makes it transient: stop it first whenever it is active.
            Optional<Boolean> active = started || current == ProvisionStep.START ? isActive() : Optional.of(false);
            if (active.orElse(true)) {
                clean &= undo(report, "stopped the VM", active.isEmpty(), "virsh destroy " + draft.uuid(),
                        () -> connection.destroy(draft.uuid()));
            }
            Optional<Boolean> exists = defined || current == ProvisionStep.DEFINE || current == ProvisionStep.START
                    ? mayExist() : Optional.of(false);
            if (exists.orElse(true)) {
                clean &= undo(report, "undefined the VM", exists.isEmpty(), "virsh undefine " + draft.uuid(),
                        () -> connection.undefine(draft.uuid(), false));
            }
            if (volumePath.isPresent()) {
                String path = volumePath.get();
                clean &= undo(report, "deleted the volume " + path, false, "virsh vol-delete " + path,
                        () -> connection.deleteVolume(path));
            } else if (current == ProvisionStep.CREATE_VOLUME && draft.volumePath().isPresent()) {
                // The failure may have come after libvirt made the file. Its name carries this
                // run's UUID, so a volume there can only be this run's.
                String path = draft.volumePath().get();
                try {
                    connection.deleteVolume(path);
                    report.add("deleted the volume " + path);
                } catch (RuntimeException e) {
                    // Usually there is nothing: the volume was never made. Said only when it might be.
                    if (connection.state() != org.bulkhead.model.hypervisor.ConnectionState.OPEN) {
                        clean = false;
                        report.add("could not check for a half-made volume at " + path + " (" + reason(e)
                                + "); if it exists, remove it with: virsh vol-delete " + path);
                    }
                }
            }
            for (var entry : privatized.entrySet()) {
                Path image = entry.getKey();
                int mode = entry.getValue();
                clean &= undo(report, "gave " + image + " its permissions back (" + String.format("%04o", mode & 07777)
                        + ")", false, "chmod " + String.format("%04o", mode & 07777) + " " + SourceCheck.quote(
                                image.toString()), () -> files.orElseThrow().setMode(image, mode));
            }
            if (startedNetwork.isPresent() && networkRuns(startedNetwork.get())) {
                String network = startedNetwork.get();
                clean &= undo(report, "stopped the network '" + network + "' again", false,
                        "virsh net-destroy " + network, () -> connection.stopNetwork(network));
            }
            if (createdPool.isPresent() && poolExists(createdPool.get())) {
                String pool = createdPool.get();
                clean &= undo(report, "removed the storage pool '" + pool + "' again (its directory stays)", false,
                        "virsh pool-destroy " + pool + " && virsh pool-undefine " + pool,
                        () -> connection.removePool(pool));
            }
            if (draft.isolation().reserves()) {
                report.add("released the label " + draft.isolation().label().orElse(""));
            }
            draft.isolation().release(ledger);
            ledger.removeDomain(draft.uuid());
            listener.step(ProvisionStep.ROLL_BACK, clean ? State.DONE : State.FAILED, String.join("; ", report));
            return new ProvisionOutcome(draft.uuid(), draft.domain().name(), false,
                    Optional.of(current.label() + " failed: " + why), Optional.of(current), report, Optional.empty());
        }

        /** The files an isolated VM takes over that others may read now; only on this machine. */
        private List<Path> imagesToMakePrivate() {
            int mode = draft.isolation().volumeMode();
            if (mode == -1 || files.isEmpty() || !draft.host().info().local() || draft.isolation().simulated()) {
                return List.of();
            }
            List<Path> images = new ArrayList<>();
            for (NewDisk disk : draft.domain().disks()) {
                if (disk.readonly() || disk.shareable() || draft.volumePath().filter(disk.path()::equals).isPresent()) {
                    continue;
                }
                Path path = Path.of(disk.path());
                files.get().facts(path).filter(HostFiles.PathFacts::openToOthers).ifPresent(f -> images.add(path));
            }
            return images;
        }

        /** Whether this run's domain runs; empty when the daemon cannot tell. */
        private Optional<Boolean> isActive() {
            try {
                return Optional.of(connection.domain(draft.uuid()).map(d -> d.state().isActive()).orElse(false));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        private boolean networkRuns(String name) {
            try {
                return connection.networks().stream().anyMatch(n -> n.name().equals(name) && n.active());
            } catch (RuntimeException e) {
                return true; // cannot tell: try to stop it, and report if that fails too
            }
        }

        private boolean poolExists(String name) {
            try {
                return connection.storagePools().stream().anyMatch(p -> p.name().equals(name));
            } catch (RuntimeException e) {
                return true; // cannot tell: try to remove it, and report if that fails too
            }
        }

        /** Whether this run's domain is defined (a define that failed may still have made it); empty when unknown. */
        private Optional<Boolean> mayExist() {
            try {
                return Optional.of(connection.domain(draft.uuid()).isPresent());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        /**
         * @param unsure the daemon could not say whether there is anything to undo: a failure then
         *               says to check first, with the command that finds out
         */
        private boolean undo(List<String> report, String what, boolean unsure, String command, Runnable action) {
            try {
                action.run();
                report.add(what);
                return true;
            } catch (RuntimeException e) {
                report.add(unsure
                        ? "could not check whether anything is left (" + reason(e) + "): if 'virsh dominfo "
                                + draft.uuid() + "' finds the VM, remove it with: " + command
                        : "could not undo (" + what + "): " + reason(e) + "; remove it yourself with: " + command);
                return false;
            }
        }
    }

    private static String reason(RuntimeException e) {
        return e instanceof HypervisorException h ? h.userMessage() : e.getMessage();
    }
}
