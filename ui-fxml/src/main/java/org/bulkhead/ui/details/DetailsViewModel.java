package org.bulkhead.ui.details;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.bulkhead.model.console.ConsoleRoutes;
import org.bulkhead.model.domain.Disk;
import org.bulkhead.model.hostsec.ProcessLabel;
import org.bulkhead.model.plan.ResourceLabel;
import org.bulkhead.model.security.DomainSecurity;
import org.bulkhead.model.security.ResourceCheck;
import org.bulkhead.model.security.SeclabelView;
import org.bulkhead.model.security.Trust;
import org.bulkhead.model.store.DomainSnapshot;
import org.bulkhead.ui.main.DomainRow;

/**
 * One domain's details, following its row: every change libvirt reports shows up here too.
 * Overview facts, every seclabel of every model, the QEMU process as the kernel sees it, each
 * resource's planned and actual label, and the disks.
 */
public final class DetailsViewModel {

    /** A named fact of the Overview tab. */
    public record Fact(String name, String value) {
    }

    /** A resource of the Security tab: its plan, what the file carries and whether they agree. */
    public record ResourceRow(String resource, String path, String planned, String actual,
            ResourceCheck.Verdict verdict, String why) {

        public boolean isMismatch() {
            return verdict == ResourceCheck.Verdict.MISMATCH;
        }
    }

    /** A disk of the Disks tab. */
    public record DiskRow(String target, String device, String source, String format, String access,
            String backingChain) {
    }

    private final DomainRow row;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyObjectWrapper<Trust> trust = new ReadOnlyObjectWrapper<>(this, "trust");
    private final ReadOnlyStringWrapper process = new ReadOnlyStringWrapper(this, "process");
    private final ReadOnlyStringWrapper xml = new ReadOnlyStringWrapper(this, "xml", "");
    private final ReadOnlyStringWrapper resourceSummary = new ReadOnlyStringWrapper(this, "resourceSummary");
    private final ObservableList<Fact> facts = FXCollections.observableArrayList();
    // Each read-only view is made once and kept: an unmodifiable list only weakly listens to its
    // backing list, so a fresh wrapper per call could be collected and its listeners fall silent.
    private final ObservableList<Fact> factsView = FXCollections.unmodifiableObservableList(facts);
    private final ObservableList<SeclabelView> seclabels = FXCollections.observableArrayList();
    private final ObservableList<SeclabelView> seclabelsView = FXCollections.unmodifiableObservableList(seclabels);
    private final ObservableList<ResourceRow> resources = FXCollections.observableArrayList();
    private final ObservableList<ResourceRow> resourcesView = FXCollections.unmodifiableObservableList(resources);
    private final ObservableList<DiskRow> disks = FXCollections.observableArrayList();
    private final ObservableList<DiskRow> disksView = FXCollections.unmodifiableObservableList(disks);
    private final InvalidationListener changed = obs -> refresh();

    public DetailsViewModel(DomainRow row) {
        this.row = row;
        row.snapshotProperty().addListener(changed);
        row.staleProperty().addListener(changed);
        row.removedProperty().addListener(changed);
        refresh();
    }

    /** Stops following the row; call when the window closes. */
    public void dispose() {
        row.snapshotProperty().removeListener(changed);
        row.staleProperty().removeListener(changed);
        row.removedProperty().removeListener(changed);
    }

    public DomainRow row() {
        return row;
    }

    private void refresh() {
        DomainSnapshot snapshot = row.snapshot();
        DomainSecurity security = snapshot.security();
        title.set(snapshot.name() + " on " + snapshot.connectionUri());
        notice.set(row.removedProperty().get() ? "This domain no longer exists; what follows is its last known state."
                : row.isStale() ? "The connection is lost: what follows is the last known state."
                : "");
        trust.set(security.trust());
        facts.setAll(facts(snapshot));
        seclabels.setAll(security.seclabels());
        process.set(processText(snapshot, security.process()));
        resources.setAll(security.resources().stream().map(DetailsViewModel::resourceRow).toList());
        resourceSummary.set(resourceSummary(security));
        disks.setAll(snapshot.spec().disks().stream().map(DetailsViewModel::diskRow).toList());
        xml.set(snapshot.record().xml());
    }

    private static List<Fact> facts(DomainSnapshot snapshot) {
        DomainSecurity security = snapshot.security();
        List<Fact> list = new ArrayList<>();
        list.add(new Fact("Name", snapshot.name()));
        list.add(new Fact("State", snapshot.state().label()));
        list.addAll(Overview.facts(snapshot));
        list.add(new Fact("Connection", snapshot.connectionUri()));
        list.add(new Fact("UUID", snapshot.uuid()));
        list.add(new Fact("Virtualization", snapshot.spec().virtType()));
        list.add(new Fact("Security model", security.primaryModel()));
        list.add(new Fact("Label", security.label().orElse("none")));
        list.add(new Fact("Label its files get", security.imageLabel().orElse("not stated in its XML")));
        list.add(new Fact("Host enforcement", security.enforcement().label()));
        list.add(new Fact("Enforced for this VM", security.domainEnforcement().verdict().label() + ": "
                + security.domainEnforcement().reason()));
        list.add(new Fact("How to reach its screen",
                ConsoleRoutes.describe(snapshot.name(), snapshot.record().xml(), snapshot.connectionUri())));
        return list;
    }

    static String processText(DomainSnapshot snapshot, Optional<ProcessLabel> process) {
        if (process.isPresent()) {
            ProcessLabel label = process.get();
            return "QEMU process " + label.pid() + " runs as "
                    + label.selinuxContext().map(context -> context + ", ").orElse("")
                    + "uid " + label.uid() + ", gid " + label.gid() + ".";
        }
        if (!snapshot.state().isActive()) {
            return "Not running: there is no QEMU process to inspect.";
        }
        return snapshot.record().pid().isPresent()
                ? "The QEMU process (pid " + snapshot.record().pid().getAsLong() + ") could not be inspected from here."
                : "The QEMU process is not visible from here (remote host or test driver): only libvirt's word is shown.";
    }

    static ResourceRow resourceRow(ResourceCheck check) {
        ResourceLabel planned = check.planned();
        String plan = switch (planned.action()) {
            case RELABEL -> planned.label().orElse("(chosen by libvirt at start)");
            case LEAVE_ALONE -> "left as it is";
            case QEMU_CREATES -> "created by QEMU";
            case NOT_A_FILE -> "not a file";
        };
        String why = check.detail().isEmpty() ? planned.reason() : check.detail();
        return new ResourceRow(planned.resource().description(), planned.resource().path(), plan,
                check.actual().orElse("—"), check.verdict(), why);
    }

    static String resourceSummary(DomainSecurity security) {
        long mismatches = security.resources().stream().filter(r -> r.verdict() == ResourceCheck.Verdict.MISMATCH).count();
        long matches = security.resources().stream().filter(r -> r.verdict() == ResourceCheck.Verdict.MATCH).count();
        if (security.resources().isEmpty()) {
            return "No files to label.";
        }
        if (mismatches > 0) {
            return "\u2716 " + mismatches + (mismatches == 1 ? " resource differs" : " resources differ")
                    + " from the plan.";
        }
        if (matches > 0) {
            return "\u2714 Every checked resource carries its planned label.";
        }
        return "Nothing could be compared: see each resource for why.";
    }

    static DiskRow diskRow(Disk disk) {
        String source = disk.path().or(() -> disk.volume().map(v -> disk.pool().map(p -> p + "/").orElse("") + v))
                .orElse(disk.isEmpty() ? "(empty)" : "(" + disk.sourceType() + ")");
        String access = disk.readonly() ? "read-only" : disk.shareable() ? "shareable" : "read-write";
        String chain = disk.backingChain().stream()
                .map(layer -> layer.path().orElse("(" + layer.sourceType() + ")") + layer.format().map(f -> " (" + f + ")").orElse(""))
                .collect(Collectors.joining(" \u2190 "));
        return new DiskRow(disk.targetDev(), disk.device(), source, disk.format().orElse(""), access,
                chain.isEmpty() ? "none" : chain);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Why what is shown may be out of date; empty while it is live. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Trust> trustProperty() {
        return trust.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty processProperty() {
        return process.getReadOnlyProperty();
    }

    /** The domain's live XML as libvirt gave it last. */
    public ReadOnlyStringProperty xmlProperty() {
        return xml.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resourceSummaryProperty() {
        return resourceSummary.getReadOnlyProperty();
    }

    public ObservableList<Fact> facts() {
        return factsView;
    }

    public ObservableList<SeclabelView> seclabels() {
        return seclabelsView;
    }

    public ObservableList<ResourceRow> resources() {
        return resourcesView;
    }

    public ObservableList<DiskRow> disks() {
        return disksView;
    }
}
