package org.bulkhead.model.audit;

import java.util.List;
import java.util.Objects;

/**
 * What reading a host's audit log from a byte offset gave: the complete lines written since,
 * with where to read next, or why the log could not be read. An unreadable log is never "no
 * denials".
 */
public sealed interface AuditReading {

    /**
     * The most of a log one read takes: a log that grew by more since the last read (the first
     * read of a large log, above all) is read from this far before its end only, its older
     * records skipped and said to be.
     */
    long MAX_READ_BYTES = 8L * 1024 * 1024;

    /**
     * @param lines      the complete lines from {@code from} on (a line still being written waits)
     * @param from       where reading started: the offset asked for, or 0 when the log was
     *                   rotated (shorter than the offset) and is read from its start
     * @param nextOffset where the next read starts
     * @param skipped    how many bytes before {@code from} were not read: older records left out
     *                   to keep a read within {@link #MAX_READ_BYTES}
     */
    record Lines(List<String> lines, long from, long nextOffset, long skipped) implements AuditReading {
        public Lines {
            lines = List.copyOf(lines);
            if (skipped < 0) {
                throw new IllegalArgumentException("skipped must not be negative: " + skipped);
            }
        }

        /** Lines read with nothing left out. */
        public Lines(List<String> lines, long from, long nextOffset) {
            this(lines, from, nextOffset, 0);
        }

        /** What was left out, in a sentence for the Denials tab and the report; empty when nothing was. */
        public java.util.Optional<String> olderNotRead() {
            if (skipped == 0) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of("older records not read: the audit log's first " + size(skipped)
                    + " were skipped, only its last " + size(nextOffset - from) + " read");
        }

        private static String size(long bytes) {
            return bytes >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024))
                    : bytes >= 1024 ? String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0) : bytes + " bytes";
        }

        /** The denials these lines record, events grouped across interleaved lines. */
        public List<Denial> denials() {
            return Denial.from(AuditEvent.group(lines, null));
        }
    }

    /** @param reason what could not be read and why, fit for a user ("… permission denied: run as root") */
    record Unreadable(String reason) implements AuditReading {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
