package org.bulkhead.bench.window;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** One run's measurements as ordered {@code key=value} lines, read back by the report. */
final class Results {

    private final Map<String, String> values = new LinkedHashMap<>();

    void put(String key, Object value) {
        values.put(key, String.valueOf(value).replace('\n', ' '));
    }

    void millis(String key, long nanos) {
        put(key, ms(nanos));
    }

    /** Median, p90, p99 and max of the samples, in milliseconds. */
    void distribution(String key, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        put(key + ".count", sorted.length);
        if (sorted.length == 0) {
            return;
        }
        put(key + ".median", ms(percentile(sorted, 50)));
        put(key + ".p90", ms(percentile(sorted, 90)));
        put(key + ".p99", ms(percentile(sorted, 99)));
        put(key + ".max", ms(sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    String get(String key) {
        return values.getOrDefault(key, "n/a");
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
    }

    static Results read(Path file) throws IOException {
        Results results = new Results();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                results.values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return results;
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }
}
