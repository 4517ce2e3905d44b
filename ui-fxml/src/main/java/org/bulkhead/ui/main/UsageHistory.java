package org.bulkhead.ui.main;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bulkhead.model.hypervisor.DomainStats;
import org.bulkhead.model.store.DomainKey;
import org.bulkhead.ui.common.UsageSeries;

/**
 * Turns each connection's batched statistics samples into the CPU and memory series the
 * sparklines draw. CPU use is the difference of two cumulative samples over the elapsed time
 * and the domain's vCPUs; a domain missing from a batch has stopped and loses its history.
 */
final class UsageHistory {

    record Usage(UsageSeries cpu, UsageSeries memory) {
        static final Usage NONE = new Usage(UsageSeries.EMPTY, UsageSeries.EMPTY);
    }

    private final int capacity;
    private final Map<DomainKey, Track> tracks = new HashMap<>();

    UsageHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a sparkline needs at least 2 points, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds one batch of a connection and returns the new series of every domain it touched. */
    Map<DomainKey, Usage> accept(String connectionUri, List<DomainStats> batch) {
        Map<DomainKey, Usage> changed = new HashMap<>();
        Set<DomainKey> seen = new HashSet<>();
        for (DomainStats stats : batch) {
            DomainKey key = new DomainKey(connectionUri, stats.uuid());
            seen.add(key);
            Track track = tracks.computeIfAbsent(key, k -> new Track());
            changed.put(key, track.add(stats, capacity));
        }
        Iterator<Map.Entry<DomainKey, Track>> it = tracks.entrySet().iterator();
        while (it.hasNext()) {
            DomainKey key = it.next().getKey();
            if (key.connectionUri().equals(connectionUri) && !seen.contains(key)) {
                it.remove();
                changed.put(key, Usage.NONE);
            }
        }
        return changed;
    }

    void forget(String connectionUri) {
        tracks.keySet().removeIf(key -> key.connectionUri().equals(connectionUri));
    }

    private static final class Track {
        private final ArrayDeque<Double> cpu = new ArrayDeque<>();
        private final ArrayDeque<Double> memory = new ArrayDeque<>();
        private DomainStats previous;

        Usage add(DomainStats now, int capacity) {
            String cpuText = "";
            if (previous != null && now.sampledAtNanos() > previous.sampledAtNanos()) {
                double elapsed = (double) (now.sampledAtNanos() - previous.sampledAtNanos()) * Math.max(1, now.vcpus());
                double fraction = Math.max(0, now.cpuTimeNanos() - previous.cpuTimeNanos()) / elapsed;
                push(cpu, Math.min(1, fraction), capacity);
                cpuText = Math.round(Math.min(1, fraction) * 100) + " %";
            } else if (!cpu.isEmpty()) {
                cpuText = Math.round(cpu.peekLast() * 100) + " %";
            }
            previous = now;
            double memoryFraction = now.maxMemoryKiB() > 0 ? (double) now.memoryKiB() / now.maxMemoryKiB() : 0;
            push(memory, memoryFraction, capacity);
            return new Usage(new UsageSeries(toArray(cpu), cpuText),
                    new UsageSeries(toArray(memory), memoryText(now.memoryKiB())));
        }

        private static void push(ArrayDeque<Double> values, double value, int capacity) {
            if (values.size() == capacity) {
                values.removeFirst();
            }
            values.addLast(value);
        }

        private static double[] toArray(ArrayDeque<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    static String memoryText(long kib) {
        if (kib >= 1024L * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f GiB", kib / (1024.0 * 1024));
        }
        return (kib / 1024) + " MiB";
    }
}
