package org.bulkhead.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.hypervisor.DomainStats;
import org.bulkhead.model.session.ConnectionSession;
import org.bulkhead.model.store.ConnectionStatus;
import org.bulkhead.model.store.DomainKey;
import org.bulkhead.model.store.DomainStore;
import org.bulkhead.ui.common.Confirmation;
import org.bulkhead.ui.common.DecliningDialogs;
import org.bulkhead.ui.common.DialogService;
import org.bulkhead.ui.common.Problem;
import org.bulkhead.ui.common.SameThreadTaskExecutor;
import org.bulkhead.ui.connection.KnownConnections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main window's state without a toolkit. Sessions never get past connecting (their hypervisor
 * waits), so the test plays the session's part by feeding the store directly, on this thread.
 */
class MainViewModelTest {

    private static final String A = "11111111-0000-0000-0000-000000000001";
    private static final String B = "11111111-0000-0000-0000-000000000002";
    private static final String C = "11111111-0000-0000-0000-000000000003";

    @TempDir
    Path dir;
    private final CountDownLatch never = new CountDownLatch(1);
    private final DomainStore store = new DomainStore(Runnable::run);
    private final List<Problem> errors = new ArrayList<>();
    private final List<Confirmation> asked = new ArrayList<>();
    private KnownConnections known;
    private MainViewModel viewModel;

    private MainViewModel viewModel() {
        known = new KnownConnections(dir.resolve("connections.json"));
        DialogService dialogs = new DecliningDialogs(asked::add, told -> { }, errors::add);
        viewModel = new MainViewModel(store, uri -> new ConnectionSession(u -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("not reached");
        }, uri, store, c -> null, (host, record) -> null), known, new SameThreadTaskExecutor(), dialogs,
                Runnable::run, Duration.ofHours(1));
        return viewModel;
    }

    @AfterEach
    void close() {
        viewModel.close();
        never.countDown();
    }

    private void connectWithThreeDomains() {
        viewModel().open(Snapshots.URI);
        store.replaceAll(Snapshots.URI, List.of(
                Snapshots.domain(A, "web", DomainState.RUNNING, "s0:c471,c902"),
                Snapshots.domain(B, "db", DomainState.RUNNING, "s0:c12,c388"),
                Snapshots.domain(C, "spare", DomainState.SHUT_OFF, "s0:c5,c471")));
        store.setStatus(Snapshots.URI, ConnectionStatus.OPEN);
    }

    private List<String> shown() {
        return viewModel.table().visibleRows().stream().map(DomainRow::name).toList();
    }

    @Test
    void rowsCarryNameStateLabelWithItsCategoriesAndTrust() {
        connectWithThreeDomains();
        assertEquals(List.of("db", "spare", "web"), shown(), "by name until a column is sorted");
        DomainRow web = viewModel.row(new DomainKey(Snapshots.URI, A)).orElseThrow();
        assertEquals("system_u:system_r:svirt_t:", web.label().context());
        assertEquals("s0:c471,c902", web.label().range());
        assertEquals("selinux", web.model());
        assertEquals("3 domains", viewModel.summaryProperty().get());
    }

    @Test
    void theFilterNarrowsTheRowsAndTheSummarySaysSo() {
        connectWithThreeDomains();
        viewModel.filterTextProperty().set("c471");
        assertEquals(List.of("spare", "web"), shown());
        assertEquals("2 of 3 domains shown", viewModel.summaryProperty().get());
        viewModel.filterTextProperty().set("");
        assertEquals(3, shown().size());
    }

    @Test
    void anEventChangesOneRowInPlace() {
        connectWithThreeDomains();
        DomainRow spare = viewModel.row(new DomainKey(Snapshots.URI, C)).orElseThrow();
        store.upsert(Snapshots.domain(C, "spare", DomainState.RUNNING, "s0:c5,c471"));
        assertEquals(DomainState.RUNNING, spare.state(), "the same row object, updated");
        store.remove(new DomainKey(Snapshots.URI, B));
        assertEquals(List.of("spare", "web"), shown());
        assertTrue(viewModel.row(new DomainKey(Snapshots.URI, B)).isEmpty());
    }

    @Test
    void aLostConnectionRaisesTheBannerAndMarksItsRowsStaleUntilItIsBack() {
        connectWithThreeDomains();
        assertFalse(viewModel.bannerVisibleProperty().get());

        store.setStatus(Snapshots.URI, ConnectionStatus.LOST);
        assertTrue(viewModel.bannerVisibleProperty().get());
        assertTrue(viewModel.bannerTextProperty().get().startsWith("Lost the connection to " + Snapshots.URI + "\n"),
                viewModel.bannerTextProperty().get());
        assertTrue(viewModel.bannerTextProperty().get().contains("Retrying automatically"));
        assertTrue(viewModel.table().visibleRows().stream().allMatch(DomainRow::isStale));
        assertEquals("connection lost, reconnecting automatically", viewModel.connections().get(0).statusTextProperty().get());
        assertEquals(List.of(), errors, "a lost connection is a banner, never a dialog");

        store.setStatus(Snapshots.URI, ConnectionStatus.OPEN);
        assertFalse(viewModel.bannerVisibleProperty().get());
        assertTrue(viewModel.table().visibleRows().stream().noneMatch(DomainRow::isStale));
    }

    @Test
    void aHostThatNeverAnsweredIsNotCalledLost() {
        viewModel().open(Snapshots.URI);
        store.setStatus(Snapshots.URI, ConnectionStatus.LOST);
        assertEquals("cannot connect, retrying automatically", viewModel.connections().get(0).statusTextProperty().get());
        assertTrue(viewModel.bannerVisibleProperty().get(), "still a banner: nothing from this host is shown");
    }

    @Test
    void usageSamplesBecomeSparklineSeriesForRunningDomainsOnly() {
        connectWithThreeDomains();
        long second = 1_000_000_000L;
        viewModel.acceptStats(Snapshots.URI, List.of(new DomainStats(A, 0, 0, 262_144, 524_288, 2)));
        viewModel.acceptStats(Snapshots.URI, List.of(new DomainStats(A, second, second, 262_144, 524_288, 2)));
        DomainRow web = viewModel.row(new DomainKey(Snapshots.URI, A)).orElseThrow();
        assertEquals("50 %", web.cpuProperty().get().text(), "one second of CPU in one second on two vCPUs");
        assertEquals("256 MiB", web.memoryProperty().get().text());
        assertTrue(viewModel.row(new DomainKey(Snapshots.URI, C)).orElseThrow().cpuProperty().get().isEmpty());

        viewModel.acceptStats(Snapshots.URI, List.of());
        assertTrue(web.cpuProperty().get().isEmpty(), "a domain missing from the batch has stopped");
    }

    @Test
    void theReasonAConnectionIsDownIsSaidOnceInItsHeaderNotAgainInTheBanner() {
        viewModel().open(Snapshots.URI);
        store.setStatus(Snapshots.URI, ConnectionStatus.LOST);
        ConnectionViewModel header = viewModel.connections().get(0);
        header.reportError("Could not connect to qemu+tcp://lab/system: Connection refused");
        assertEquals("Could not connect to qemu+tcp://lab/system: Connection refused", header.errorProperty().get());
        assertTrue(viewModel.bannerTextProperty().get().startsWith("Cannot connect to " + Snapshots.URI),
                viewModel.bannerTextProperty().get());
        assertFalse(viewModel.bannerTextProperty().get().contains("Connection refused"),
                "the banner names the connection; the reason is in its header: " + viewModel.bannerTextProperty().get());
        assertEquals(List.of(), errors, "and no dialog repeats it");
    }

    @Test
    void anAddedConnectionThatFailsIsNotRememberedUnlessTheUserAsks() throws IOException {
        viewModel().addConnection("qemu+ssh://nowhere/system");
        store.setStatus("qemu+ssh://nowhere/system", ConnectionStatus.LOST);
        assertEquals(List.of(), new KnownConnections(known.file()).load(), "a failed connection is not saved");
        assertTrue(viewModel.connections().get(0).isUnsaved(), "its header offers to remember it");

        viewModel.rememberConnection("qemu+ssh://nowhere/system");
        assertEquals(List.of("qemu+ssh://nowhere/system"), new KnownConnections(known.file()).load());
        assertFalse(viewModel.connections().get(0).isUnsaved());
    }

    @Test
    void closeAndForgetAsksFirstOnlyWhenItWouldLeaveNoConnectionOpen() {
        connectWithThreeDomains();
        viewModel.open("qemu+ssh://other/system");
        store.setStatus("qemu+ssh://other/system", ConnectionStatus.OPEN);
        viewModel.closeConnection("qemu+ssh://other/system");
        assertEquals(List.of(Snapshots.URI), viewModel.connectionUris(), "another is open: closed without asking");
        assertEquals(List.of(), asked);

        viewModel.closeConnection(Snapshots.URI);
        assertEquals(1, asked.size(), "the last open connection: asked first");
        assertTrue(asked.get(0).consequence().contains("No other connection is open"), asked.get(0).consequence());
        assertEquals(List.of(Snapshots.URI), viewModel.connectionUris(), "declined: still open");
        assertEquals(3, shown().size());
    }

    @Test
    void anAddedConnectionIsRememberedOnceItConnectsAndForgettingItDropsItsRows() throws IOException {
        connectWithThreeDomains();
        viewModel.addConnection("qemu+ssh://other/system");
        assertEquals(List.of(), new KnownConnections(known.file()).load(), "not before it has connected");
        store.setStatus("qemu+ssh://other/system", ConnectionStatus.OPEN);
        assertEquals(List.of("qemu+ssh://other/system"), new KnownConnections(known.file()).load());
        assertEquals(List.of(Snapshots.URI, "qemu+ssh://other/system"), viewModel.connectionUris());

        viewModel.forgetConnection(Snapshots.URI);
        assertEquals(List.of(), shown());
        assertEquals(List.of("qemu+ssh://other/system"), viewModel.connectionUris());
        viewModel.forgetConnection("qemu+ssh://other/system");
        assertEquals(List.of(), new KnownConnections(known.file()).load());
    }
}
