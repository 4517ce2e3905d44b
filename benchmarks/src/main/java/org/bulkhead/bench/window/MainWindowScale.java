package org.bulkhead.bench.window;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.bulkhead.app.gui.RenderingPipeline;
import org.bulkhead.app.wiring.Wiring;
import org.bulkhead.bench.Fx;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.session.ConnectionSession;
import org.bulkhead.model.store.DomainStore;
import org.bulkhead.ui.common.BackgroundTaskExecutor;
import org.bulkhead.ui.common.DecliningDialogs;
import org.bulkhead.ui.connection.KnownConnections;
import org.bulkhead.ui.main.DomainRow;
import org.bulkhead.ui.main.MainView;
import org.bulkhead.ui.main.MainViewModel;

/**
 * Measures the real main window on one big connection: launch to the first laid-out frame with
 * every row in the table, lifecycle event to row (and to frame for rows on screen), a burst of
 * events, idle CPU and heap after GC. It builds the window as {@code BulkheadApp.start} does, from
 * the public API of ui-fxml and the app's {@link Wiring}, so the numbers are the application's.
 * {@code --mode bare} measures an empty JavaFX window instead, the floor for the startup budget;
 * {@code --fixed-cell-size PX} sets the table's fixed row height from outside, to measure the
 * window as it would be with that change; {@code --startup-only} stops once the table is populated.
 *
 * <pre>java ... MainWindowScale --connect test:///ABS/node.xml --domains 5000 --out window.properties</pre>
 *
 * Launch time comes from {@code -Dbulkhead.bench.launchEpochMillis} (set by scripts/bench-window
 * just before starting the JVM), else from the JVM's own start time.
 *
 * <p>It stays one class near 400 lines because it is one run, read top to bottom: each phase
 * (start-up, events, burst, idle, heap) measures the same window in order and writes to the same
 * results; what the JVM reports is {@link JvmFacts}, the table's view {@link TableProbe}.
 */
public final class MainWindowScale {

    /** As BulkheadApp.STATS_INTERVAL: each connection samples its domains' statistics this often. */
    private static final Duration STATS_INTERVAL = Duration.ofSeconds(3);
    private static final long EVENT_TIMEOUT_SECONDS = 10;

    private final Results results = new Results();
    private final long launchMillis;
    private final Map<String, String> options;

    private MainWindowScale(Map<String, String> options) {
        this.options = options;
        Long launch = Long.getLong("bulkhead.bench.launchEpochMillis");
        this.launchMillis = launch != null ? launch : ManagementFactory.getRuntimeMXBean().getStartTime();
        results.put("launch.source", launch != null ? "script timestamp before exec java" : "JVM start time");
        results.put("env.loadAverageAtLaunch", JvmFacts.loadAverage());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--mode", "window", "--domains", "5000",
                "--events", "200", "--burst", "1000", "--idle-seconds", "60", "--out", "window.properties"));
        boolean wellFormed = true;
        for (int i = 0; i < args.length; i++) {
            wellFormed &= args[i].startsWith("--");
            if (args[i].equals("--startup-only")) {
                options.put(args[i], "true");
            } else if (i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                wellFormed = false;
            }
        }
        if (!wellFormed || (options.get("--mode").equals("window") && !options.containsKey("--connect"))) {
            System.err.println("usage: MainWindowScale [--mode window|bare] --connect URI [--domains N] [--events N]"
                    + " [--burst N] [--idle-seconds N] [--fixed-cell-size PX] [--startup-only] [--out FILE]");
            System.exit(2);
        }
        MainWindowScale bench = new MainWindowScale(options);
        int status = 0;
        try {
            if (options.get("--mode").equals("bare")) {
                bench.bare();
            } else {
                bench.window();
            }
        } catch (Exception e) {
            bench.results.put("failure", e.toString());
            e.printStackTrace();
            status = 1;
        } finally {
            bench.results.write(Path.of(options.get("--out")));
            System.out.println(bench.results);
        }
        Platform.exit();
        System.exit(status);
    }

    private long sinceLaunch() {
        return System.currentTimeMillis() - launchMillis;
    }

    /** An empty window of the same size: what the toolkit alone costs from launch to first frame. */
    private void bare() throws Exception {
        RenderingPipeline.chooseBeforeToolkit();
        Fx.startup();
        results.put("bare.toolkitUpMs", sinceLaunch());
        CompletableFuture<Long> firstFrame = new CompletableFuture<>();
        Stage stage = Fx.call(() -> {
            Stage window = new Stage();
            Scene scene = new Scene(new StackPane(new Label("Bulkhead")), 1280, 760);
            scene.addPostLayoutPulseListener(() -> firstFrame.complete(sinceLaunch()));
            window.setTitle("Bulkhead (bare)");
            window.setScene(scene);
            window.show();
            return window;
        });
        results.put("bare.firstFrameMs", firstFrame.get(60, TimeUnit.SECONDS));
        JvmFacts.environment(results);
        Fx.run(stage::close);
    }

    private void window() throws Exception {
        String uri = options.get("--connect");
        int expected = Integer.parseInt(options.get("--domains"));
        results.put("connection", uri);
        results.put("domains.expected", expected);

        RenderingPipeline.chooseBeforeToolkit();
        Fx.startup();
        results.put("startup.toolkitUpMs", sinceLaunch());

        Wiring wiring = Wiring.real();
        results.put("startup.wiredMs", sinceLaunch());
        ObservedHypervisor hypervisor = new ObservedHypervisor(wiring.hypervisor());
        DomainStore store = Wiring.store(Platform::runLater);
        AtomicLong storeFlushes = new AtomicLong();
        // Around the view model's own store listener (listeners run in order): its FX-thread time.
        AtomicLong applyStart = new AtomicLong();
        AtomicLong applyLongest = new AtomicLong();
        store.addListener(change -> {
            storeFlushes.incrementAndGet();
            applyStart.set(System.nanoTime());
        });
        AtomicLong snapshotNanos = new AtomicLong();
        AtomicLong probeNanos = new AtomicLong();
        List<String> errors = new CopyOnWriteArrayList<>();
        Path known = Files.createTempDirectory("bulkhead-bench").resolve("connections.json");

        CompletableFuture<Long> rowsInModel = new CompletableFuture<>();
        CompletableFuture<Long> populatedFrame = new CompletableFuture<>();
        CompletableFuture<Long> firstFrame = new CompletableFuture<>();
        Window window = Fx.call(() -> {
            // As BulkheadApp.start, with the hypervisor observed and dialogs recorded instead of shown.
            BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(Platform::runLater);
            MainViewModel viewModel = new MainViewModel(store,
                    connectionUri -> new ConnectionSession(hypervisor, connectionUri, store,
                            connection -> timed(probeNanos, () -> wiring.inspector().probeHost(connection)),
                            (host, record) -> timed(snapshotNanos, () -> wiring.inspector().snapshot(host, record))),
                    new KnownConnections(known), tasks, DecliningDialogs.keepingErrors(problem -> errors.add(problem.toString())), Platform::runLater,
                    STATS_INTERVAL);
            store.addListener(change -> applyLongest.accumulateAndGet(System.nanoTime() - applyStart.get(), Math::max));
            MainView view = new MainView(viewModel, row -> { }, () -> { }, () -> { });
            results.put("startup.viewLoadedMs", sinceLaunch());
            Stage stage = new Stage();
            Scene scene = view.show(stage);
            results.put("startup.windowShownMs", sinceLaunch());
            TableProbe probe = new TableProbe(scene, view.root());
            if (options.containsKey("--fixed-cell-size")) {
                // The variant "with fixed row height": what setFixedCellSize in the view would give.
                probe.table().setFixedCellSize(Double.parseDouble(options.get("--fixed-cell-size")));
            }
            results.put("table.fixedCellSize", probe.table().getFixedCellSize() > 0 ? probe.table().getFixedCellSize()
                    : "none (as shipped)");
            probe.table().getItems().addListener((ListChangeListener<DomainRow>) change -> {
                if (change.getList().size() >= expected) {
                    rowsInModel.complete(sinceLaunch());
                }
            });
            scene.addPostLayoutPulseListener(() -> {
                firstFrame.complete(sinceLaunch());
                if (!populatedFrame.isDone() && probe.table().getItems().size() >= expected
                        && !probe.visibleRows().isEmpty()) {
                    populatedFrame.complete(sinceLaunch());
                }
            });
            viewModel.open(uri);
            return new Window(stage, viewModel, probe);
        });

        try {
            results.put("startup.firstFrameMs", firstFrame.get(120, TimeUnit.SECONDS));
            results.put("startup.rowsInModelMs", rowsInModel.get(300, TimeUnit.SECONDS));
            results.put("startup.populatedFrameMs", populatedFrame.get(120, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            results.put("startup.rowsShownAtTimeout", Fx.call(() -> window.probe().table().getItems().size()));
            throw new IllegalStateException("the table never showed " + expected + " rows; dialogs: " + errors, e);
        }
        results.millis("libvirt.listDomainsMs", hypervisor.lastListNanos());
        results.millis("startup.hostProbeMs", probeNanos.get());
        results.millis("startup.snapshotsMs", snapshotNanos.get());
        results.millis("startup.longestFxApplyMs", applyLongest.get());
        results.put("domains.shown", Fx.call(() -> window.probe().table().getItems().size()));
        results.put("table.rowsOnScreen", Fx.call(() -> window.probe().visibleRows().size()));
        if (options.containsKey("--startup-only")) {
            JvmFacts.environment(results);
            return;
        }

        HypervisorConnection connection = hypervisor.connection().get(10, TimeUnit.SECONDS);

        Thread.sleep(3000);
        results.millis("libvirt.sampleStatsMs", hypervisor.lastSampleNanos());
        Random random = new Random(11);
        int events = Integer.parseInt(options.get("--events"));
        List<DomainRow> onScreen = Fx.call(() -> window.probe().visibleRows().stream().filter(MainWindowScale::flippable)
                .toList());
        results.put("events.onScreenRows", onScreen.size());
        eventLatencies("event.onScreen", hypervisor, connection, window.probe(), onScreen, events, true, random);
        List<DomainRow> all = Fx.call(() -> window.probe().table().getItems().stream()
                .filter(MainWindowScale::flippable).toList());
        eventLatencies("event.anyRow", hypervisor, connection, window.probe(), all, events, false, random);
        burst(connection, window.probe(), storeFlushes, Integer.parseInt(options.get("--burst")), random);

        idle(window.probe(), Integer.parseInt(options.get("--idle-seconds")));
        JvmFacts.heap(results);
        results.put("dialogs", errors.isEmpty() ? "none" : String.join(" | ", errors));
        JvmFacts.environment(results);
        Fx.run(() -> {
            window.viewModel().close();
            window.stage().close();
        });
    }

    private static <T> T timed(AtomicLong total, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            total.addAndGet(System.nanoTime() - start);
        }
    }

    private record Window(Stage stage, MainViewModel viewModel, TableProbe probe) {
    }

    private static boolean flippable(DomainRow row) {
        return row.state() == DomainState.RUNNING || row.state() == DomainState.PAUSED;
    }

    /**
     * One lifecycle event at a time through the window's own connection (suspend a running
     * domain, resume a paused one), timed from the call to the row's new state and, for rows on
     * screen, to the laid-out frame showing it. Random pauses keep events out of step with pulses.
     */
    private void eventLatencies(String key, ObservedHypervisor hypervisor, HypervisorConnection connection, TableProbe probe, List<DomainRow> rows,
            int count, boolean frame, Random random) throws Exception {
        if (rows.isEmpty()) {
            results.put(key + ".count", 0);
            return;
        }
        long[] toRow = new long[count];
        long[] toFrame = new long[count];
        List<Long> clear = new ArrayList<>();
        List<Long> behindSample = new ArrayList<>();
        int timeouts = 0;
        int done = 0;
        for (int i = 0; i < count; i++) {
            DomainRow row = frame ? rows.get(i % rows.size()) : rows.get(random.nextInt(rows.size()));
            DomainState target = Fx.call(row::state) == DomainState.RUNNING ? DomainState.PAUSED : DomainState.RUNNING;
            CompletableFuture<long[]> seen = Fx.call(() -> probe.watch(row, target, frame));
            long start = System.nanoTime();
            flip(connection, row, target);
            try {
                long[] at = seen.get(EVENT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                toRow[done] = at[0] - start;
                toFrame[done] = at[1] - start;
                (hypervisor.sampledDuring(start, at[0]) ? behindSample : clear).add(toRow[done]);
                if (done == 0) {
                    results.millis(key + ".firstToRowMs", toRow[0]);
                }
                done++;
            } catch (TimeoutException e) {
                timeouts++;
                Fx.run(probe::cancel);
            }
            Thread.sleep(20 + random.nextInt(60));
        }
        results.put(key + ".timeouts", timeouts);
        results.distribution(key + ".clearOfStatsSample.toRowMs", clear.stream().mapToLong(Long::longValue).toArray());
        results.distribution(key + ".duringStatsSample.toRowMs",
                behindSample.stream().mapToLong(Long::longValue).toArray());
        results.distribution(key + ".toRowMs", java.util.Arrays.copyOf(toRow, done));
        if (frame) {
            results.distribution(key + ".toFrameMs", java.util.Arrays.copyOf(toFrame, done));
        }
    }

    private static void flip(HypervisorConnection connection, DomainRow row, DomainState target) {
        if (target == DomainState.PAUSED) {
            connection.suspend(row.key().uuid());
        } else {
            connection.resume(row.key().uuid());
        }
    }

    /** {@code size} running domains suspended as fast as libvirt takes it, then resumed again. */
    private void burst(HypervisorConnection connection, TableProbe probe, AtomicLong storeFlushes, int size,
            Random random) throws Exception {
        List<DomainRow> running = new ArrayList<>(Fx.call(() -> probe.table().getItems().stream()
                .filter(row -> row.state() == DomainState.RUNNING).toList()));
        Collections.shuffle(running, random);
        List<DomainRow> chosen = running.subList(0, Math.min(size, running.size()));
        results.put("burst.size", chosen.size());
        burstTo(DomainState.PAUSED, "burst.suspend", connection, probe, storeFlushes, chosen);
        burstTo(DomainState.RUNNING, "burst.resume", connection, probe, storeFlushes, chosen);
    }

    private void burstTo(DomainState target, String key, HypervisorConnection connection, TableProbe probe,
            AtomicLong storeFlushes, List<DomainRow> rows) throws Exception {
        CountDownLatch arrived = new CountDownLatch(rows.size());
        Fx.run(() -> rows.forEach(row -> row.stateProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends DomainState> obs, DomainState old,
                    DomainState now) {
                if (now == target) {
                    row.stateProperty().removeListener(this);
                    arrived.countDown();
                }
            }
        })));
        long flushes = storeFlushes.get();
        long pulses = Fx.call(probe::pulses);
        long start = System.nanoTime();
        for (DomainRow row : rows) {
            flip(connection, row, target);
        }
        long called = System.nanoTime();
        boolean all = arrived.await(120, TimeUnit.SECONDS);
        long end = System.nanoTime();
        results.millis(key + ".callsMs", called - start);
        results.millis(key + ".allRowsMs", end - start);
        results.put(key + ".complete", all ? "yes" : "no, " + arrived.getCount() + " rows missing after 120 s");
        results.put(key + ".storeNotifications", storeFlushes.get() - flushes);
        results.put(key + ".pulses", Fx.call(probe::pulses) - pulses);
        Thread.sleep(1000);
    }

    /** Process CPU over the idle period, the threads that used it, and what the FX thread did. */
    private void idle(TableProbe probe, int seconds) throws Exception {
        Thread.sleep(5000);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpuBefore = JvmFacts.threadCpu(threads);
        long allocatedBefore = JvmFacts.allocated(threads);
        long gcBefore = JvmFacts.gcCount();
        long pulsesBefore = Fx.call(probe::pulses);
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long cpu1 = os.getProcessCpuTime();
        long wall1 = System.nanoTime();
        long pulses = Fx.call(probe::pulses) - pulsesBefore;
        Map<Long, Long> cpuAfter = JvmFacts.threadCpu(threads);
        double wallSeconds = (wall1 - wall0) / 1e9;
        results.put("idle.seconds", String.format(java.util.Locale.ROOT, "%.1f", wallSeconds));
        results.millis("idle.processCpuMs", cpu1 - cpu0);
        results.put("idle.cpuPercentOfOneCore", String.format(java.util.Locale.ROOT, "%.2f",
                100.0 * (cpu1 - cpu0) / (wall1 - wall0)));
        results.put("idle.layoutPulses", pulses);
        results.put("idle.gcs", JvmFacts.gcCount() - gcBefore);
        results.put("idle.allocatedMBPerSecond", String.format(java.util.Locale.ROOT, "%.1f",
                (JvmFacts.allocated(threads) - allocatedBefore) / 1e6 / wallSeconds));
        Map<String, Long> byName = new HashMap<>();
        cpuAfter.forEach((id, after) -> {
            long delta = after - cpuBefore.getOrDefault(id, 0L);
            ThreadInfo info = threads.getThreadInfo(id);
            if (info != null && delta > 0) {
                byName.merge(info.getThreadName().replaceAll("[0-9]+$", "#"), delta, Long::sum);
            }
        });
        results.put("idle.topThreads", byName.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .map(e -> e.getKey() + " " + Results.ms(e.getValue()) + " ms")
                .collect(Collectors.joining("; ")));
    }
}
