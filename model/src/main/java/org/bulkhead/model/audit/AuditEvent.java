package org.bulkhead.model.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records the kernel logged for one event (same time stamp and serial): an AVC with its
 * SYSCALL and PROCTITLE, say. auditd writes them one after another, though other events' lines
 * may come between them.
 */
public record AuditEvent(String id, Instant time, List<AuditRecord> records) {

    public AuditEvent {
        records = List.copyOf(records);
    }

    public List<AuditRecord> ofType(String type) {
        return records.stream().filter(r -> r.type().equals(type)).toList();
    }

    public Optional<AuditRecord> first(String type) {
        return records.stream().filter(r -> r.type().equals(type)).findFirst();
    }

    /**
     * Groups lines into events in the order each event first appears. Lines that are not audit
     * records are skipped and counted in {@code skipped} when given.
     */
    public static List<AuditEvent> group(List<String> lines, List<String> skipped) {
        Map<String, List<AuditRecord>> events = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            AuditRecord record;
            try {
                record = AuditRecord.parse(line);
            } catch (AuditFormatException e) {
                if (skipped != null) {
                    skipped.add(e.getMessage());
                }
                continue;
            }
            events.computeIfAbsent(record.eventId(), id -> new ArrayList<>()).add(record);
        }
        List<AuditEvent> result = new ArrayList<>();
        events.forEach((id, records) -> result.add(new AuditEvent(id, records.get(0).time(), records)));
        return result;
    }
}
