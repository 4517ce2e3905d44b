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
     * @param lines      the complete lines from {@code from} on (a line still being written waits)
     * @param from       where reading started: the offset asked for, or 0 when the log was
     *                   rotated (shorter than the offset) and is read from its start
     * @param nextOffset where the next read starts
     */
    record Lines(List<String> lines, long from, long nextOffset) implements AuditReading {
        public Lines {
            lines = List.copyOf(lines);
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
