package org.bulkhead.ui.main;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.bulkhead.model.audit.DenialTrails;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.isolation.DomainEnforcement;
import org.bulkhead.model.host.HostEnforcement;
import org.bulkhead.model.security.Trust;
import org.bulkhead.model.store.DomainKey;
import org.bulkhead.model.store.DomainSnapshot;
import org.bulkhead.ui.common.LabelText;
import org.bulkhead.ui.common.UsageSeries;

/**
 * One domain's row in the main table. Rows live as long as their domain: a store change updates
 * the row in place, so the table never rebuilds thousands of rows for one event.
 */
public final class DomainRow {

    private final DomainKey key;
    private final ReadOnlyObjectWrapper<DomainSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyObjectWrapper<DomainState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper model = new ReadOnlyStringWrapper(this, "model");
    private final ReadOnlyObjectWrapper<LabelText> label = new ReadOnlyObjectWrapper<>(this, "label");
    private final ReadOnlyObjectWrapper<HostEnforcement> enforcement = new ReadOnlyObjectWrapper<>(this, "enforcement");
    private final ReadOnlyObjectWrapper<DomainEnforcement> domainEnforcement =
            new ReadOnlyObjectWrapper<>(this, "domainEnforcement");
    private final ReadOnlyObjectWrapper<Trust> trust = new ReadOnlyObjectWrapper<>(this, "trust");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyBooleanWrapper removed = new ReadOnlyBooleanWrapper(this, "removed");
    private final ReadOnlyObjectWrapper<UsageSeries> cpu = new ReadOnlyObjectWrapper<>(this, "cpu", UsageSeries.EMPTY);
    private final ReadOnlyObjectWrapper<UsageSeries> memory = new ReadOnlyObjectWrapper<>(this, "memory", UsageSeries.EMPTY);
    private final ReadOnlyObjectWrapper<DenialTrails> denials = new ReadOnlyObjectWrapper<>(this, "denials");
    private final ReadOnlyObjectWrapper<DenialCount> denialCount =
            new ReadOnlyObjectWrapper<>(this, "denialCount", DenialCount.NOT_READ);

    DomainRow(DomainSnapshot first) {
        this.key = first.key();
        update(first);
    }

    /** Takes the newest snapshot; false when nothing changed, so no list event is fired. */
    boolean update(DomainSnapshot next) {
        if (next.equals(snapshot.get())) {
            return false;
        }
        name.set(next.name());
        state.set(next.state());
        if (!next.inspected()) {
            // Listed, not read yet: say so rather than "none", which would read as unconfined.
            model.set("");
            label.set(LabelText.CHECKING);
        } else {
            // A domain with no confining label still says so in the Model column.
            model.set(next.security().primaryModel().isEmpty() ? "none" : next.security().primaryModel());
            label.set(LabelText.of(next.security().label().orElse("")));
        }
        enforcement.set(next.security().enforcement());
        domainEnforcement.set(next.security().domainEnforcement());
        trust.set(next.security().trust());
        // Last: the table's list watches this property, and its listeners read the fields above.
        snapshot.set(next);
        return true;
    }

    void setStale(boolean value) {
        stale.set(value);
    }

    void markRemoved() {
        removed.set(true);
    }

    /** The connection's trails as last read from its audit log; the count is this VM's. */
    void setDenials(DenialTrails trails) {
        denials.set(trails);
        DenialCount count = DenialCount.of(trails, name.get());
        if (!count.equals(denialCount.get())) {
            denialCount.set(count);
        }
    }

    /** Only a series that differs is set: an unchanged sparkline asks for no layout and no redraw. */
    void setUsage(UsageSeries cpuSeries, UsageSeries memorySeries) {
        if (!cpuSeries.equals(cpu.get())) {
            cpu.set(cpuSeries);
        }
        if (!memorySeries.equals(memory.get())) {
            memory.set(memorySeries);
        }
    }

    public DomainKey key() {
        return key;
    }

    public String connectionUri() {
        return key.connectionUri();
    }

    public ReadOnlyObjectProperty<DomainSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public DomainSnapshot snapshot() {
        return snapshot.get();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public String name() {
        return name.get();
    }

    public ReadOnlyObjectProperty<DomainState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public DomainState state() {
        return state.get();
    }

    public ReadOnlyStringProperty modelProperty() {
        return model.getReadOnlyProperty();
    }

    public String model() {
        return model.get();
    }

    public ReadOnlyObjectProperty<LabelText> labelProperty() {
        return label.getReadOnlyProperty();
    }

    public LabelText label() {
        return label.get();
    }

    public ReadOnlyObjectProperty<HostEnforcement> enforcementProperty() {
        return enforcement.getReadOnlyProperty();
    }

    public HostEnforcement enforcement() {
        return enforcement.get();
    }

    /** Whether the kernel enforces this VM's own label (the Enforcing column). */
    public ReadOnlyObjectProperty<DomainEnforcement> domainEnforcementProperty() {
        return domainEnforcement.getReadOnlyProperty();
    }

    public DomainEnforcement domainEnforcement() {
        return domainEnforcement.get();
    }

    public ReadOnlyObjectProperty<Trust> trustProperty() {
        return trust.getReadOnlyProperty();
    }

    public Trust trust() {
        return trust.get();
    }

    /** True while the connection is lost: the row shows the last known state. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public boolean isStale() {
        return stale.get();
    }

    /** True once the domain is gone (undefined, or its connection forgotten); windows showing it say so. */
    public ReadOnlyBooleanProperty removedProperty() {
        return removed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UsageSeries> cpuProperty() {
        return cpu.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UsageSeries> memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    /** Every VM's trail on this row's connection (the Denials tab picks this VM's); null until read. */
    public ReadOnlyObjectProperty<DenialTrails> denialsProperty() {
        return denials.getReadOnlyProperty();
    }

    /** How many denials the audit log holds for this VM (the table's badge). */
    public ReadOnlyObjectProperty<DenialCount> denialCountProperty() {
        return denialCount.getReadOnlyProperty();
    }

    public DenialCount denialCount() {
        return denialCount.get();
    }

    @Override
    public String toString() {
        return name.get() + " (" + state.get() + ", " + key.connectionUri() + ")";
    }
}
