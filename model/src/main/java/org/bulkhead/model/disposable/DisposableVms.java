package org.bulkhead.model.disposable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import org.bulkhead.model.domain.Disk;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.DomainXmlException;
import org.bulkhead.model.hostsec.FileLabel;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.hypervisor.DomainEvent;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.hypervisor.StorageVolume;
import org.bulkhead.model.isolation.IsolationModels;
import org.bulkhead.model.isolation.IsolationPlan;
import org.bulkhead.model.label.DacLabel;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.ledger.LabelUse;
import org.bulkhead.model.provision.HostFiles;
import org.bulkhead.model.provision.LabelUses;

/**
 * Starting and ending disposable VMs on one connection. A disposable is a transient domain whose
 * only read-write disk is a fresh qcow2 overlay on its template's image; it is Isolated like
 * every VM Bulkhead makes (its own label from the ledger), the template is shared read-only
 * content that no VM's user ever owns, and the daemon destroys the domain should this
 * connection close (a crash of Bulkhead). Ending it destroys it, deletes the overlay and checks
 * that nothing is left. Every method blocks on libvirt or the disk: not on a UI thread.
 */
public final class DisposableVms {

    private static final Set<DomainEvent.Kind> ENDINGS = EnumSet.of(DomainEvent.Kind.STOPPED,
            DomainEvent.Kind.UNDEFINED, DomainEvent.Kind.CRASHED);
    private static final int OVERLAY_MODE = 0600;

    private final HypervisorConnection connection;
    private final HostContext host;
    private final LabelLedger ledger;
    private final Optional<HostSecurity> security;
    private final Optional<HostFiles> files;
    private final LiveDisposables live;

    /**
     * @param security this machine's file labels, when the connection's host is this machine
     * @param files    this machine's files, likewise
     */
    public DisposableVms(HypervisorConnection connection, HostContext host, LabelLedger ledger,
            Optional<HostSecurity> security, Optional<HostFiles> files, LiveDisposables live) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.host = Objects.requireNonNull(host, "host");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        boolean local = host.info().local();
        this.security = local ? security : Optional.empty();
        this.files = local ? files : Optional.empty();
        this.live = Objects.requireNonNull(live, "live");
    }

    /**
     * Starts a disposable VM of the shut-off domain {@code templateUuid}.
     *
     * @param notes receives what Bulkhead changed on the way (the template made shared read-only content)
     * @throws IllegalStateException    when the template runs, Isolated cannot be honoured, or its image
     *                                  cannot be shared read-only (the message says what to do)
     * @throws IllegalArgumentException when the template is not usable as one (several disks, no file)
     * @throws HypervisorException      when libvirt refuses; what was created is removed again
     */
    public Disposable start(String templateUuid, DisposableXml.Options options, java.util.function.Consumer<String> notes) {
        DomainRecord template = connection.domain(templateUuid).orElseThrow(() -> new IllegalStateException(
                "The template " + templateUuid + " no longer exists on " + connection.uri() + "."));
        if (template.state().isActive()) {
            throw new IllegalStateException("'" + template.name() + "' is " + template.state().label()
                    + ": a disposable VM runs on its image, which must not change underneath it. Shut '"
                    + template.name() + "' down first.");
        }
        DisposableXml.TemplateDisk disk = DisposableXml.templateDisk(template.name(), template.xml());
        List<DomainRecord> domains = connection.listDomains();
        writerOf(disk.path(), domains).ifPresent(writer -> {
            throw new IllegalStateException("'" + writer + "' runs with " + disk.path()
                    + " as a read-write disk: a disposable VM cannot use it as its template now.");
        });
        LabelUses.resync(ledger, domains);
        String uuid = UUID.randomUUID().toString();
        IsolationPlan plan = planClearOfHiddenUsers(uuid);
        String name = options.namePrefix().orElse(template.name() + "-disposable-") + uuid.substring(0, 8);
        Optional<StorageVolume> overlay = Optional.empty();
        boolean recorded = false;
        try {
            Optional<FileLabel> before = shareReadOnly(Path.of(disk.path()), plannedUid(plan).orElse(-1), notes);
            overlay = Optional.of(connection.createOverlay(name + ".qcow2", disk.path(), OVERLAY_MODE));
            live.add(LiveDisposables.Entry.mine(connection.uri(), uuid, name, template.name(), overlay.get().path()));
            recorded = true;
            String xml = DisposableXml.of(template.name(), template.xml(), name, uuid, overlay.get().path(),
                    plan.seclabels(), options);
            DomainRecord running = connection.createTransient(xml, true);
            String label = LabelUses.of(running).stream().map(LabelUse::label).findFirst().orElse(plan.labelText());
            Disposable started = new Disposable(connection.uri(), uuid, name, template.name(), disk.path(),
                    overlay.get().path(), plan, before, label);
            Optional<String> open = overlayOpenToOthers(started);
            if (open.isPresent()) {
                DisposableEnd ended = end(started);
                throw new IllegalStateException(open.get() + " Bulkhead stopped it. " + ended.describe());
            }
            return started;
        } catch (RuntimeException e) {
            if (connection.domain(uuid).isEmpty()) {
                overlay.ifPresent(volume -> deleteQuietly(volume.path()));
                if (recorded) {
                    live.remove(connection.uri(), uuid);
                }
                plan.release(ledger);
            }
            throw e;
        }
    }

    /**
     * Checks that the shut-off domain can serve as a template and makes its image shared read-only
     * content now, as an administrator setting up a kiosk does (guest users cannot change root's files).
     *
     * @return the template's image
     */
    public String prepareTemplate(String templateUuid, java.util.function.Consumer<String> notes) {
        DomainRecord template = connection.domain(templateUuid).orElseThrow(() -> new IllegalStateException(
                "The template " + templateUuid + " no longer exists on " + connection.uri() + "."));
        DisposableXml.TemplateDisk disk = DisposableXml.templateDisk(template.name(), template.xml());
        shareReadOnly(Path.of(disk.path()), -1, notes);
        return disk.path();
    }

    /**
     * The isolation plan, with a UID no process on the host runs as: under libvirt's access control
     * a kiosk guest cannot see the other guests' VMs, so the ledger alone would not know their UIDs.
     */
    private IsolationPlan planClearOfHiddenUsers(String uuid) {
        Set<Integer> busy = security.flatMap(HostSecurity::processUids).orElse(Set.of());
        List<IsolationPlan> rejected = new ArrayList<>();
        IsolationPlan plan = IsolationModels.plan(host, true, false, ledger, uuid);
        // Rejected plans keep their reservation until the end, so the next one differs.
        while (plannedUid(plan).isPresent() && busy.contains(plannedUid(plan).getAsInt()) && rejected.size() < 64) {
            rejected.add(plan);
            plan = IsolationModels.plan(host, true, false, ledger, uuid);
        }
        rejected.forEach(r -> r.release(ledger));
        if (plannedUid(plan).isPresent() && busy.contains(plannedUid(plan).getAsInt())) {
            plan.release(ledger);
            throw new IllegalStateException("Every UID the ledger offered is in use by a process on this host;"
                    + " widen Bulkhead's UID range.");
        }
        return plan;
    }

    /**
     * Destroys the disposable VM (if it still runs), deletes its overlay and checks that nothing is
     * left: no domain, no overlay file, the template's image as it was and owned by no VM's user.
     */
    public DisposableEnd end(Disposable disposable) {
        List<String> removed = new ArrayList<>();
        List<String> left = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        destroyDomain(disposable.uuid(), disposable.name(), removed, left);
        deleteOverlay(disposable.overlay(), removed, left, notChecked);
        checkTemplate(disposable, left, notChecked);
        disposable.plan().release(ledger);
        ledger.removeDomain(disposable.uuid());
        if (left.isEmpty()) {
            live.remove(disposable.uri(), disposable.uuid());
        }
        return new DisposableEnd(disposable.name(), removed, left, notChecked);
    }

    /**
     * Calls {@code onEnded} once the domain stops (the guest shut down, or someone destroyed it),
     * on the event thread: it must only hand the work on. Close the handle to stop watching.
     */
    public AutoCloseable whenStopped(Disposable disposable, Runnable onEnded) {
        return connection.subscribe(event -> {
            if (event.uuid().equals(disposable.uuid()) && ENDINGS.contains(event.kind())) {
                onEnded.run();
            }
        });
    }

    /** Whether the disposable VM still runs. */
    public boolean isRunning(Disposable disposable) {
        return connection.domain(disposable.uuid()).map(d -> d.state().isActive()).orElse(false);
    }

    /**
     * Removes what earlier Bulkhead processes left when they stopped without ending their disposable
     * VMs (a crash, a kill): the domain, if the daemon has not destroyed it already, and the overlay.
     *
     * @return one sentence per leftover, saying what was cleaned or what is still there
     */
    public static List<String> cleanOrphans(LiveDisposables live, java.util.function.Function<String, HypervisorConnection> open) {
        List<String> said = new ArrayList<>();
        for (LiveDisposables.Entry entry : live.orphaned()) {
            List<String> removed = new ArrayList<>();
            List<String> left = new ArrayList<>();
            try (HypervisorConnection connection = open.apply(entry.uri())) {
                destroyOn(connection, entry.uuid(), entry.name(), removed, left);
                try {
                    connection.deleteVolume(entry.overlay());
                    removed.add("deleted its overlay " + entry.overlay());
                } catch (HypervisorException e) {
                    left.add("its overlay " + entry.overlay() + " could not be deleted (" + e.userMessage()
                            + "; if it is still there, remove it with virsh vol-delete " + entry.overlay() + ")");
                }
            } catch (HypervisorException e) {
                left.add("could not connect to " + entry.uri() + " (" + e.userMessage() + ")");
            }
            if (left.isEmpty()) {
                live.remove(entry.uri(), entry.uuid());
                said.add("Cleaned up the disposable VM '" + entry.name() + "' (of '" + entry.template()
                        + "') that an earlier Bulkhead left on " + entry.uri() + ": " + String.join("; ", removed) + ".");
            } else {
                said.add("The disposable VM '" + entry.name() + "' that an earlier Bulkhead left on " + entry.uri()
                        + " is not cleaned up: " + String.join("; ", left)
                        + (removed.isEmpty() ? "." : ". Done: " + String.join("; ", removed) + "."));
            }
        }
        return said;
    }

    // ---- the template ----

    /**
     * Every disposable's QEMU must read the template and none may write it: owned as it is, in
     * the group of libvirt's QEMU user, mode 0640. On the DAC side that is what SELinux's
     * {@code virt_content_t} is: content every VM may read. Fixed when Bulkhead may, else refused.
     */
    private Optional<FileLabel> shareReadOnly(Path image, int vmUid, java.util.function.Consumer<String> notes) {
        if (security.isEmpty() || files.isEmpty()) {
            return Optional.empty(); // a remote host: libvirt reports at start if QEMU cannot open it
        }
        OptionalInt gid = qemuGroup();
        HostFiles.PathFacts facts = files.get().facts(image).orElseThrow(() -> new IllegalStateException(
                "The template's image " + image + " does not exist."));
        if (gid.isEmpty()) {
            return Optional.of(security.get().readLabel(image, true));
        }
        int qemuGid = gid.getAsInt();
        boolean readable = facts.readableBy(vmUid, qemuGid);
        boolean writableByOthers = (facts.mode() & 022) != 0;
        if (!readable || writableByOthers) {
            int mode = (facts.mode() & 0600) | 0040;
            String command = "chgrp " + qemuGid + " " + image + " && chmod " + String.format("%04o", mode) + " " + image;
            try {
                security.get().setOwner(image, facts.uid(), qemuGid, true);
                files.get().setMode(image, mode);
            } catch (RuntimeException e) {
                throw new IllegalStateException("The template's image " + image + " is " + facts.modeOctal()
                        + " of uid " + facts.uid() + ", group " + facts.gid() + ": disposable VMs need it readable by"
                        + " libvirt's QEMU group and writable by none of them, and Bulkhead could not change it ("
                        + e.getMessage() + "). As root: " + command, e);
            }
            notes.accept("Made the template's image " + image + " shared read-only content: group " + qemuGid
                    + " (libvirt's QEMU users), mode " + String.format("%04o", mode) + " (" + command + ").");
        }
        return Optional.of(security.get().readLabel(image, true));
    }

    private void checkTemplate(Disposable disposable, List<String> left, List<String> notChecked) {
        if (security.isEmpty() || disposable.templateBefore().isEmpty()) {
            notChecked.add("the template's image " + disposable.templateImage() + " cannot be read from here");
            return;
        }
        FileLabel before = disposable.templateBefore().get();
        FileLabel after;
        try {
            after = security.get().readLabel(Path.of(disposable.templateImage()), true);
        } catch (RuntimeException e) {
            left.add("the template's image " + disposable.templateImage() + " could not be read (" + e.getMessage() + ")");
            return;
        }
        OptionalInt vmUid = plannedUid(disposable.plan());
        if (vmUid.isPresent() && after.uid() == vmUid.getAsInt()) {
            left.add("the template's image " + after.path() + " is owned by the disposable's uid " + after.uid()
                    + " (chown " + before.uid() + ":" + before.gid() + " " + after.path() + ")");
        } else if (after.uid() != before.uid() || after.gid() != before.gid() || after.mode() != before.mode()
                || !after.selinuxContext().equals(before.selinuxContext())) {
            left.add("the template's image " + after.path() + " changed from " + describe(before) + " to " + describe(after));
        }
    }

    private static String describe(FileLabel label) {
        return label.dacLabel() + " " + label.modeOctal() + label.selinuxContext().map(c -> " " + c).orElse("");
    }

    // ---- the domain and the overlay ----

    private void destroyDomain(String uuid, String name, List<String> removed, List<String> left) {
        destroyOn(connection, uuid, name, removed, left);
    }

    private static void destroyOn(HypervisorConnection connection, String uuid, String name, List<String> removed,
            List<String> left) {
        try {
            if (connection.domain(uuid).isPresent()) {
                connection.destroy(uuid);
                removed.add("destroyed the VM");
            } else {
                removed.add("the VM was already gone");
            }
        } catch (HypervisorException e) {
            // Gone between the look-up and the destroy is fine; still there is not.
        }
        if (connection.domain(uuid).isPresent()) {
            left.add("the VM '" + name + "' still exists (virsh destroy " + name + ")");
        }
    }

    private void deleteOverlay(String overlay, List<String> removed, List<String> left, List<String> notChecked) {
        String failure = "";
        try {
            connection.deleteVolume(overlay);
        } catch (HypervisorException e) {
            failure = e.userMessage();
        }
        if (files.isPresent()) {
            if (files.get().facts(Path.of(overlay)).isPresent()) {
                left.add("the overlay " + overlay + " is still there" + (failure.isEmpty() ? "" : " (" + failure + ")")
                        + " (virsh vol-delete " + overlay + ")");
            } else {
                removed.add("deleted the overlay " + overlay);
            }
        } else if (failure.isEmpty()) {
            removed.add("libvirt deleted the overlay " + overlay);
            notChecked.add("whether the file " + overlay + " is gone (on another host)");
        } else {
            left.add("the overlay " + overlay + " could not be deleted (" + failure + ")");
        }
    }

    private void deleteQuietly(String overlay) {
        try {
            connection.deleteVolume(overlay);
        } catch (HypervisorException e) {
            // The caller's failure is the one to report; a leftover overlay is in the live list.
        }
    }

    // ---- facts ----

    /** Why the overlay is not private to the disposable's own user, if it is not (DAC hosts, local files). */
    private Optional<String> overlayOpenToOthers(Disposable disposable) {
        OptionalInt uid = plannedUid(disposable.plan());
        if (files.isEmpty() || uid.isEmpty()) {
            return Optional.empty();
        }
        Optional<HostFiles.PathFacts> facts = files.get().facts(Path.of(disposable.overlay()));
        if (facts.isEmpty()) {
            return Optional.of("The overlay " + disposable.overlay() + " of '" + disposable.name() + "' is missing.");
        }
        if (facts.get().uid() != uid.getAsInt() || facts.get().openToOthers()) {
            return Optional.of("The overlay " + disposable.overlay() + " of '" + disposable.name() + "' is "
                    + facts.get().modeOctal() + " of uid " + facts.get().uid() + ", not private to its uid "
                    + uid.getAsInt() + ".");
        }
        return Optional.empty();
    }

    private static OptionalInt plannedUid(IsolationPlan plan) {
        return plan.rules().plannedUid(plan);
    }

    private OptionalInt qemuGroup() {
        String dac = host.baseContexts().get("dac");
        if (dac == null) {
            return OptionalInt.empty();
        }
        try {
            return DacLabel.parse(dac).gid();
        } catch (LabelFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The running domain that writes this image, if any. */
    private static Optional<String> writerOf(String image, List<DomainRecord> domains) {
        for (DomainRecord domain : domains) {
            if (!domain.state().isActive()) {
                continue;
            }
            try {
                for (Disk disk : DomainXml.parse(domain.xml()).disks()) {
                    if (!disk.readonly() && disk.path().map(image::equals).orElse(false)) {
                        return Optional.of(domain.name());
                    }
                }
            } catch (DomainXmlException e) {
                // A domain Bulkhead cannot read is listed with its error in the window; it cannot be judged here.
            }
        }
        return Optional.empty();
    }
}
