package org.bulkhead.model.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.bulkhead.model.hypervisor.DomainEvent;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.security.Trust;
import org.bulkhead.model.store.ConnectionStatus;
import org.bulkhead.model.store.DomainKey;
import org.bulkhead.model.store.DomainStore;
import org.bulkhead.model.testing.InMemoryHypervisor;
import org.bulkhead.model.testing.ScriptedHypervisor;

/** A session keeps the store in step with the hypervisor: events, lost connections, resync. */
class ConnectionSessionTest {

    private static final String A = "11111111-1111-1111-1111-111111111111";
    private static final String B = "22222222-2222-2222-2222-222222222222";

    private final InMemoryHypervisor host = new InMemoryHypervisor();
    private final ScriptedHypervisor hypervisor = new ScriptedHypervisor(host);
    private CountDownLatch statsGate;
    private final DomainStore store = new DomainStore(Runnable::run);
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private ConnectionSession session;

    @BeforeEach
    void open() throws Exception {
        host.domains().put(A, InMemoryHypervisor.domain(A, "alpha", DomainState.SHUT_OFF));
        DomainInspector inspector = new DomainInspector(Optional.empty());
        session = new ConnectionSession(hypervisor, InMemoryHypervisor.URI, store, inspector::probeHost, inspector);
        session.onError(errors::add);
        session.open();
        await(() -> store.status(InMemoryHypervisor.URI) == ConnectionStatus.OPEN, "the session connects");
    }

    @AfterEach
    void close() {
        CountDownLatch gate = statsGate;
        if (gate != null) {
            gate.countDown();
        }
        session.close();
    }

    @Test
    void theFirstSyncFillsTheStoreWithTheDomainsAndTheirLabels() {
        var alpha = store.get(new DomainKey(InMemoryHypervisor.URI, A)).orElseThrow();
        assertEquals("alpha", alpha.name());
        assertEquals(DomainState.SHUT_OFF, alpha.state());
        assertEquals(Optional.of("+200001:+64055"), alpha.security().label());
    }

    @Test
    void aDomainDefinedWithAnotherDomainsLabelMarksBothUntilItGoes() throws Exception {
        DomainKey alpha = new DomainKey(InMemoryHypervisor.URI, A);
        assertEquals(List.of(), store.get(alpha).orElseThrow().security().sharedWith());

        host.domains().put(B, InMemoryHypervisor.domain(B, "beta", DomainState.SHUT_OFF)); // the same +200001 label
        host.emit(B, DomainEvent.Kind.DEFINED);
        await(() -> store.get(alpha).orElseThrow().security().sharedWith().equals(List.of("beta")),
                "the first domain learns that a second one took its label");
        var beta = store.get(new DomainKey(InMemoryHypervisor.URI, B)).orElseThrow().security();
        assertEquals(List.of("alpha"), beta.sharedWith());
        assertNotEquals(Trust.Level.ISOLATED, beta.trust().level());
        assertTrue(beta.trust().reason().contains("Shares its label with 'alpha'"), beta.trust().reason());

        host.domains().remove(B);
        host.emit(B, DomainEvent.Kind.UNDEFINED);
        await(() -> store.get(alpha).orElseThrow().security().sharedWith().isEmpty(),
                "once the other domain is gone, the label is this domain's alone again");
    }

    @Test
    void anEventRefreshesOnlyThatDomainWithoutListingAll() throws Exception {
        int lists = hypervisor.calls("listDomains");
        host.domains().put(A, InMemoryHypervisor.domain(A, "alpha", DomainState.RUNNING));
        host.emit(A, DomainEvent.Kind.STARTED);
        await(() -> store.get(new DomainKey(InMemoryHypervisor.URI, A)).orElseThrow().state() == DomainState.RUNNING,
                "the started domain shows as running");
        assertEquals(lists, hypervisor.calls("listDomains"), "an event never triggers a full listing");

        host.domains().put(B, InMemoryHypervisor.domain(B, "beta", DomainState.SHUT_OFF));
        host.emit(B, DomainEvent.Kind.DEFINED);
        await(() -> store.get(new DomainKey(InMemoryHypervisor.URI, B)).isPresent(), "a domain defined elsewhere appears");

        host.domains().remove(B);
        host.emit(B, DomainEvent.Kind.UNDEFINED);
        await(() -> store.get(new DomainKey(InMemoryHypervisor.URI, B)).isEmpty(), "an undefined domain disappears");
    }

    @Test
    void aLostConnectionIsReportedOnceThenReconnectedAndResynced() throws Exception {
        host.killDaemon();
        await(() -> store.status(InMemoryHypervisor.URI) == ConnectionStatus.LOST, "the loss shows in the store");
        assertTrue(store.get(new DomainKey(InMemoryHypervisor.URI, A)).isPresent(), "rows stay, marked stale by the status");

        // changed while the daemon was away: only a full resync can know
        host.domains().put(B, InMemoryHypervisor.domain(B, "beta", DomainState.RUNNING));
        host.domains().remove(A);
        host.startDaemon();
        await(() -> store.status(InMemoryHypervisor.URI) == ConnectionStatus.OPEN, "the session reconnects by itself");
        assertTrue(store.get(new DomainKey(InMemoryHypervisor.URI, B)).isPresent(), "the resync adds what appeared");
        assertTrue(store.get(new DomainKey(InMemoryHypervisor.URI, A)).isEmpty(), "the resync drops what went");
        assertEquals(1, errors.stream().filter(e -> e.startsWith("Lost the connection")).count(), errors.toString());
        assertTrue(session.lastError().isEmpty(), "the banner's error clears after reconnecting");
    }

    @Test
    void aFailedActionReachesTheCallerWithLibvirtsMessage() throws Exception {
        List<String> failures = new CopyOnWriteArrayList<>();
        session.perform(A, connection -> connection.destroy(A), failures::add);
        await(() -> !failures.isEmpty(), "the failure is reported");
        assertTrue(failures.get(0).contains("not running"), failures.toString());
    }

    @Test
    void statisticsAreOneBatchedCallPerIntervalNotOnePerDomain() throws Exception {
        host.domains().put(B, InMemoryHypervisor.domain(B, "beta", DomainState.RUNNING));
        int domainCalls = hypervisor.calls("domain");
        AutoCloseable subscription = session.onStats(Duration.ofMillis(50), stats -> { });
        await(() -> hypervisor.calls("sampleStats") >= 3, "three samples are taken");
        subscription.close();
        assertEquals(domainCalls, hypervisor.calls("domain"), "sampling never asks domain by domain");
        int samples = hypervisor.calls("sampleStats");
        // That nothing more happens cannot be awaited: give it several intervals to show.
        Thread.sleep(250);
        assertEquals(samples, hypervisor.calls("sampleStats"), "sampling stops with the last listener");
    }

    @Test
    void anEventRefreshIsNotHeldUpBehindASlowStatisticsSample() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        statsGate = gate;
        host.gateStats(gate);
        try (AutoCloseable subscription = session.onStats(Duration.ofMillis(20), stats -> { })) {
            await(() -> hypervisor.calls("sampleStats") > 0, "a statistics sample is under way");

            host.domains().put(A, InMemoryHypervisor.domain(A, "alpha", DomainState.RUNNING));
            host.emit(A, DomainEvent.Kind.STARTED);
            await(() -> store.get(new DomainKey(InMemoryHypervisor.URI, A)).orElseThrow().state() == DomainState.RUNNING,
                    "the event's refresh lands while the sample is still running", Duration.ofSeconds(2));
            assertEquals(1, gate.getCount(), "the sample was still blocked");
        } finally {
            gate.countDown();
        }
    }

    @Test
    void aConnectionLostWhileSamplingIsReportedOnceAndOnlyByTheWorker() throws Exception {
        try (AutoCloseable subscription = session.onStats(Duration.ofMillis(5), stats -> { })) {
            await(() -> hypervisor.calls("sampleStats") > 2, "statistics are being sampled");
            host.killDaemon();
            await(() -> store.status(InMemoryHypervisor.URI) == ConnectionStatus.LOST, "the loss shows in the store");
            Thread.sleep(100); // samples keep being due meanwhile
            host.startDaemon();
            await(() -> store.status(InMemoryHypervisor.URI) == ConnectionStatus.OPEN, "the session reconnects by itself");
            int samples = hypervisor.calls("sampleStats");
            await(() -> hypervisor.calls("sampleStats") > samples, "sampling resumes on the new connection");
        }
        assertEquals(List.of("Lost the connection to " + InMemoryHypervisor.URI + ". Reconnecting automatically."), errors);
    }

    @Test
    void aDomainUndefinedElsewhereWhileBeingRefreshedDisappearsWithoutAnError() throws Exception {
        host.undefineWhileRead(A);
        host.emit(A, DomainEvent.Kind.STOPPED);
        await(() -> store.get(new DomainKey(InMemoryHypervisor.URI, A)).isEmpty(), "the undefined domain disappears");
        assertEquals(List.of(), errors, "a race with another tool is not an error for the header");
        assertEquals(ConnectionStatus.OPEN, store.status(InMemoryHypervisor.URI));
    }

    @Test
    void aLocalDaemonThatComesBackIsReconnectedWithinTwoSeconds() throws Exception {
        host.killDaemon();
        await(() -> store.status(InMemoryHypervisor.URI) == ConnectionStatus.LOST, "the loss shows in the store");
        // long enough for a doubling backoff (1 s, 2 s, then 4 s) to be between attempts
        Thread.sleep(3_500);
        host.startDaemon();
        long back = System.nanoTime();
        await(() -> store.status(InMemoryHypervisor.URI) == ConnectionStatus.OPEN, "the session reconnects",
                Duration.ofSeconds(10));
        long millis = (System.nanoTime() - back) / 1_000_000;
        assertTrue(millis < 2_000, "reconnected " + millis + " ms after the daemon answered");
        assertEquals(1, errors.stream().filter(e -> e.startsWith("Could not connect")).count(),
                "each failed attempt is not reported again: " + errors);
    }

    @Test
    void aRemoteHostIsTriedWithGrowingPausesNotEveryHalfSecond() throws Exception {
        InMemoryHypervisor remoteHost = new InMemoryHypervisor();
        remoteHost.local(false);
        ScriptedHypervisor remote = new ScriptedHypervisor(remoteHost);
        DomainStore remoteStore = new DomainStore(Runnable::run);
        DomainInspector inspector = new DomainInspector(Optional.empty());
        ConnectionSession remoteSession = new ConnectionSession(remote, InMemoryHypervisor.URI, remoteStore,
                inspector::probeHost, inspector);
        try {
            remoteSession.open();
            await(() -> remoteStore.status(InMemoryHypervisor.URI) == ConnectionStatus.OPEN, "the session connects");
            int opens = remote.opens(InMemoryHypervisor.URI);
            remoteHost.killDaemon();
            Thread.sleep(3_500);
            int attempts = remote.opens(InMemoryHypervisor.URI) - opens;
            assertTrue(attempts <= 2, attempts + " attempts in 3.5 s: after 1 s, then 2 s later");
            assertTrue(attempts >= 1, "it does keep trying");
        } finally {
            remoteSession.close();
        }
    }

    @Test
    void aLongListShowsEveryRowFromTheListCallThenFillsInTheLabels() throws Exception {
        for (int i = 0; i < ConnectionSession.SHOW_BEFORE_INSPECTING + 44; i++) {
            String uuid = String.format("00000000-0000-0000-0000-%012d", i);
            host.domains().put(uuid, new DomainRecord(uuid, "vm" + i, DomainState.SHUT_OFF, "<domain type='qemu'>"
                    + "<name>vm" + i + "</name><uuid>" + uuid + "</uuid><seclabel type='static' model='dac'"
                    + " relabel='yes'><label>+" + (300_000 + i) + ":+64055</label></seclabel></domain>"));
        }
        int total = host.domains().size();
        DomainStore big = new DomainStore(Runnable::run);
        CountDownLatch inspecting = new CountDownLatch(1);
        List<String> inspectedOrder = new CopyOnWriteArrayList<>();
        DomainInspector inspector = new DomainInspector(Optional.empty());
        String onScreen = String.format("00000000-0000-0000-0000-%012d", total - 2);
        try (ConnectionSession slow = new ConnectionSession(hypervisor, InMemoryHypervisor.URI, big, inspector::probeHost,
                (host, record) -> {
                    try {
                        inspecting.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inspectedOrder.add(record.uuid());
                    return inspector.snapshot(host, record);
                })) {
            slow.onScreen(() -> Set.of(onScreen));
            slow.open();
            await(() -> big.domains(InMemoryHypervisor.URI).size() == total, "every domain is listed");
            var listed = big.get(new DomainKey(InMemoryHypervisor.URI, A)).orElseThrow();
            assertEquals("alpha", listed.name());
            assertFalse(listed.inspected(), "the row is there before its labels were read");
            assertEquals(Trust.Level.UNCHECKED, listed.security().trust().level(), "and says it was not checked");
            await(() -> big.status(InMemoryHypervisor.URI) == ConnectionStatus.OPEN, "the connection is usable meanwhile");
            assertFalse(big.get(new DomainKey(InMemoryHypervisor.URI, A)).orElseThrow().inspected(), "still not read");

            inspecting.countDown();
            await(() -> big.domains(InMemoryHypervisor.URI).stream().allMatch(s -> s.inspected()), "every label is read");
            assertEquals(Optional.of("+200001:+64055"), big.get(new DomainKey(InMemoryHypervisor.URI, A)).orElseThrow()
                    .security().label());
            assertEquals(onScreen, inspectedOrder.get(0), "the row on screen is inspected first");
        }
    }

    @Test
    void statisticsCoverOnlyTheDomainsOnScreenAndNoneWhileNothingIsShown() throws Exception {
        AtomicReference<Set<String>> onScreen = new AtomicReference<>(Set.of());
        session.onScreen(onScreen::get);
        try (AutoCloseable subscription = session.onStats(Duration.ofMillis(20), stats -> { })) {
            Thread.sleep(200); // several intervals with the window hidden
            assertEquals(0, hypervisor.calls("sampleStats"), "nothing on screen: no statistics call at all");

            onScreen.set(Set.of(A));
            await(() -> !host.sampledSets().isEmpty(), "a sample is taken once a row is shown");
            assertEquals(Set.of(A), host.sampledSets().get(0), "only the row on screen is asked for");
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, what, Duration.ofSeconds(10));
    }

    private static void await(BooleanSupplier condition, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
