package org.bulkhead.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import javafx.collections.ListChangeListener;

import org.junit.jupiter.api.Test;

import org.bulkhead.model.host.HostEnforcement;
import org.bulkhead.model.hypervisor.DomainListing;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.store.ConnectionStatus;
import org.bulkhead.model.store.DomainSnapshot;
import org.bulkhead.model.store.StoreChange;

/**
 * The table at the size where its list events cost: a long list is shown from the list call and
 * its rows are inspected a chunk at a time; each chunk must reach the sorted view as one change.
 */
class DomainTableTest {

    private static final int ROWS = 600;
    private static final int CHUNK = 256;

    private final DomainTable table = new DomainTable();
    private final List<ListChangeListener.Change<? extends DomainRow>> changes = new ArrayList<>();

    private static String uuid(int i) {
        return "22222222-0000-0000-0000-%012d".formatted(i);
    }

    private static String name(int i) {
        return "vm-%04d".formatted(i);
    }

    /** Inspected, the row's label carries a category that sorts the rows backwards from their names. */
    private static DomainSnapshot inspected(int i) {
        return Snapshots.domain(uuid(i), name(i), DomainState.RUNNING, "s0:c%d,c1000".formatted(ROWS - i));
    }

    private static DomainSnapshot listed(int i) {
        return DomainSnapshot.listed(Snapshots.URI, new DomainListing(uuid(i), name(i), DomainState.RUNNING),
                HostEnforcement.ENFORCING);
    }

    private void apply(List<DomainSnapshot> snapshots) {
        table.apply(new StoreChange(snapshots, Set.of(), Map.of()), uri -> Optional.of(ConnectionStatus.OPEN));
    }

    private void listAllThenWatch() {
        apply(IntStream.range(0, ROWS).mapToObj(DomainTableTest::listed).toList());
        table.visibleRows().addListener((ListChangeListener<DomainRow>) changes::add);
    }

    private List<String> names() {
        return table.visibleRows().stream().map(DomainRow::name).toList();
    }

    @Test
    void aChunkOfInspectedRowsSortedByLabelArrivesAsOneChangeAndResortsThem() {
        table.orderProperty().set(Comparator.comparing(DomainRow::label, DomainOrder.LABEL));
        listAllThenWatch();

        apply(IntStream.range(0, CHUNK).mapToObj(DomainTableTest::inspected).toList());

        assertEquals(1, changes.size(), "one list change for a chunk of " + CHUNK + " inspected rows");
        // "checking…" sorts before the SELinux labels; these follow in the order of their categories.
        assertEquals("checking\u2026", table.visibleRows().get(ROWS - CHUNK - 1).label().full());
        assertEquals(name(CHUNK - 1), names().get(ROWS - CHUNK));
        assertEquals(name(0), names().get(ROWS - 1));
    }

    @Test
    void inTheDefaultOrderInspectedRowsStayPutAndTheirCellsFollowTheRowsOwnProperties() {
        listAllThenWatch();
        List<String> before = names();
        DomainRow first = table.visibleRows().get(0);
        List<String> labelsSeen = new ArrayList<>();
        first.labelProperty().addListener((obs, old, now) -> labelsSeen.add(now.full()));

        apply(IntStream.range(0, CHUNK).mapToObj(DomainTableTest::inspected).toList());

        assertEquals(0, changes.size(), "no list change: names, and so the default order, did not change");
        assertEquals(before, names());
        assertEquals(List.of("system_u:system_r:svirt_t:s0:c600,c1000"), labelsSeen);
    }

    @Test
    void aRenamedDomainMovesInTheDefaultOrder() {
        listAllThenWatch();

        apply(List.of(Snapshots.domain(uuid(0), "zz-last", DomainState.RUNNING, "s0:c1,c2")));

        assertEquals(1, changes.size());
        assertEquals("zz-last", names().get(ROWS - 1));
    }

    @Test
    void aFilterOnLabelsTakesInRowsAsTheirLabelsArrive() {
        listAllThenWatch();
        table.setFilter(DomainFilter.parse("c1000"));
        assertEquals(0, table.visibleRows().size(), "no row's label is known yet");
        changes.clear();

        apply(IntStream.range(0, CHUNK).mapToObj(DomainTableTest::inspected).toList());

        assertEquals(1, changes.size());
        assertEquals(CHUNK, table.visibleRows().size());
    }
}
