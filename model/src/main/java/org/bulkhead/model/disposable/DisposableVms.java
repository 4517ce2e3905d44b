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
    private final TemplateImage templateImage;

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
        this.templateImage = new TemplateImage(host, this.security, this.files);
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
            Optional<FileLabel> before = templateImage.shareReadOnly(Path.of(disk.path()), plannedUid(plan).orElse(-1), notes);
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
        templateImage.shareReadOnly(Path.of(disk.path()), -1, notes);
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
        templateImage.check(disposable, left, notChecked);
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

    // ---- the domain and the overlay ----

    private void destroyDomain(String uuid, String name, List<String> removed, List<String> left) {
        Leftovers.destroy(connection, uuid, name, removed, left);
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
