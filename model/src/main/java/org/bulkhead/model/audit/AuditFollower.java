package org.bulkhead.model.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A host's audit log followed from where the last read stopped, as {@code tail -f} would: each
 * {@link #poll} reads only what was appended since, and the denials found so far are kept (the
 * newest {@code keep} of them). The records of one event may straddle two reads, so the last
 * event of a read that may still be growing waits for the next one (at most one poll). A log
 * that cannot be read says why; what was read before it stays, but is not shown as the trail.
 * A read takes at most {@link AuditReading#MAX_READ_BYTES} of the log: when it left older
 * records out, the trails say so.
 */
public final class AuditFollower {

    /** The record the kernel writes last for an event that came from a system call. */
    private static final String LAST_RECORD = "PROCTITLE";

    private final int keep;
    private final ArrayDeque<Denial> denials = new ArrayDeque<>();
    private long offset;
    private List<String> held = List.of();
    private Optional<String> unreadable = Optional.of("the audit log has not been read yet");
    private Optional<String> olderNotRead = Optional.empty();

    /** @param keep how many denials to keep at most; older ones are dropped first */
    public AuditFollower(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, not " + keep);
        }
        this.keep = keep;
    }

    /**
     * Reads what the log gained since the last call.
     *
     * @param read reads the log from a byte offset (the host facts port's {@code auditSince})
     * @return whether the denials or the log's readability changed
     */
    public synchronized boolean poll(LongFunction<AuditReading> read) {
        AuditReading reading = read.apply(offset);
        if (reading instanceof AuditReading.Unreadable(String reason)) {
            boolean changed = !unreadable.equals(Optional.of(reason));
            unreadable = Optional.of(reason);
            return changed;
        }
        AuditReading.Lines fresh = (AuditReading.Lines) reading;
        boolean changed = unreadable.isPresent();
        unreadable = Optional.empty();
        if (fresh.skipped() > 0) {
            // The first read of a large log (or a flood between two reads) took its newest part only.
            changed |= !olderNotRead.equals(fresh.olderNotRead());
            olderNotRead = fresh.olderNotRead();
        }
        offset = fresh.nextOffset();
        List<String> lines = new ArrayList<>(held.size() + fresh.lines().size());
        lines.addAll(held);
        lines.addAll(fresh.lines());
        List<AuditEvent> events = new ArrayList<>(AuditEvent.group(lines, null));
        held = List.of();
        if (!fresh.lines().isEmpty() && !events.isEmpty()) {
            AuditEvent last = events.get(events.size() - 1);
            if (last.first(LAST_RECORD).isEmpty()) {
                events.remove(events.size() - 1);
                held = lines.stream().filter(line -> belongsTo(line, last.id())).toList();
            }
        }
        List<Denial> found = Denial.from(events);
        for (Denial denial : found) {
            if (denials.size() == keep) {
                denials.removeFirst();
            }
            denials.addLast(denial);
        }
        return changed || !found.isEmpty();
    }

    private static boolean belongsTo(String line, String eventId) {
        try {
            return AuditRecord.parse(line).eventId().equals(eventId);
        } catch (AuditFormatException notARecord) {
            return false;
        }
    }

    /** The denials read so far, oldest first. */
    public synchronized List<Denial> denials() {
        return List.copyOf(denials);
    }

    /** Why the log could not be read at the last poll; empty when it was read. */
    public synchronized Optional<String> unreadable() {
        return unreadable;
    }

    /** Where the next poll starts reading. */
    public synchronized long offset() {
        return offset;
    }

    /** The trails of {@code vms} from what was read, or why the log could not be read. */
    public synchronized DenialTrails trails(List<DenialTrails.Vm> vms) {
        return unreadable.map(reason -> DenialTrails.unreadable(reason, vms))
                .orElseGet(() -> DenialTrails.of(List.copyOf(denials), vms, olderNotRead));
    }
}
