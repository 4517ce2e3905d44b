package org.bulkhead.ui.main;

import java.util.Comparator;

import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.security.Trust;
import org.bulkhead.ui.common.LabelText;
import org.bulkhead.ui.common.UsageSeries;

/** How the table's columns sort, and the order rows take before the user picks a column. */
public final class DomainOrder {

    /** By connection, then name ignoring case; the UUID keeps equal names in a stable order. */
    public static final Comparator<DomainRow> DEFAULT = Comparator.comparing(DomainRow::connectionUri)
            .thenComparing(DomainRow::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(row -> row.key().uuid());

    public static final Comparator<String> NAME = String.CASE_INSENSITIVE_ORDER;

    /** Running first, then paused and the like, stopped last. */
    public static final Comparator<DomainState> STATE = Comparator.comparing((DomainState s) -> !s.isActive())
            .thenComparing(Enum::ordinal);

    /** By the label as written; domains without one last. */
    public static final Comparator<LabelText> LABEL = Comparator.comparing(LabelText::isEmpty)
            .thenComparing(LabelText::full);

    /** Isolated first, unconfined last; descending puts the domains that need attention on top. */
    public static final Comparator<Trust> TRUST = Comparator.comparing(Trust::level);

    public static final Comparator<UsageSeries> USAGE = Comparator.comparingDouble(UsageSeries::latest);

    /** Rows by their latest CPU and memory samples (the usage columns' cells hold the row itself). */
    public static final Comparator<DomainRow> CPU = Comparator.comparing(row -> row.cpuProperty().get(), USAGE);
    public static final Comparator<DomainRow> MEMORY = Comparator.comparing(row -> row.memoryProperty().get(), USAGE);

    private DomainOrder() {
    }
}
