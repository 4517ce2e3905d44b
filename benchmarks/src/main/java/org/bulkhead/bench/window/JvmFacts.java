package org.bulkhead.bench.window;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javafx.stage.Screen;

import org.bulkhead.bench.Fx;

/** What the JVM and the machine say about a run: CPU per thread, allocation, GC, heap, environment. */
final class JvmFacts {

    private JvmFacts() {
    }

    static Map<Long, Long> threadCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long time = threads.getThreadCpuTime(id);
            if (time >= 0) {
                cpu.put(id, time);
            }
        }
        return cpu;
    }

    static long allocated(ThreadMXBean threads) {
        if (threads instanceof com.sun.management.ThreadMXBean hotspot) {
            long sum = 0;
            for (long bytes : hotspot.getThreadAllocatedBytes(threads.getAllThreadIds())) {
                sum += Math.max(0, bytes);
            }
            return sum;
        }
        return 0;
    }

    static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    static void heap(Results results) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        results.put("heap.usedAfterGcMB", String.format(java.util.Locale.ROOT, "%.1f", heap.getUsed() / 1048576.0));
        results.put("heap.committedMB", String.format(java.util.Locale.ROOT, "%.1f", heap.getCommitted() / 1048576.0));
        results.put("heap.maxMB", String.format(java.util.Locale.ROOT, "%.0f", heap.getMax() / 1048576.0));
        results.put("gc.collectors", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", ")));
    }

    static void environment(Results results) throws Exception {
        results.put("env.java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        results.put("env.javafx", Optional.ofNullable(System.getProperty("javafx.runtime.version")).orElse("unknown"));
        results.put("env.jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> !arg.startsWith("-Dbulkhead.bench.")).collect(Collectors.joining(" ")));
        results.put("env.display", Optional.ofNullable(System.getenv("DISPLAY")).orElse("none"));
        results.put("env.prismPipeline", prismPipeline());
        results.put("env.screen", Fx.call(() -> {
            var bounds = Screen.getPrimary().getBounds();
            return (int) bounds.getWidth() + "x" + (int) bounds.getHeight();
        }));
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine skews the numbers. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Which renderer Prism chose (ES2 over GLX, or software), read reflectively: not public API. */
    static String prismPipeline() {
        try {
            Object pipeline = Class.forName("com.sun.prism.GraphicsPipeline").getMethod("getPipeline").invoke(null);
            return pipeline == null ? "none" : pipeline.getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unknown (" + e + ")";
        }
    }
}
