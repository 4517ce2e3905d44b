package org.bulkhead.hostsec.ssh;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bulkhead.hostsec.AuditLogFile;
import org.bulkhead.model.audit.AuditReading;

/** A remote host's audit log, read over ssh from a byte offset: only what was appended since. */
final class SshAuditLog {

    /**
     * The audit log {@code $2} from byte {@code $1} on ({@code tail -c +N} counts from 1), only up to the size
     * seen first so the next offset is exact; a rotated (shorter) log from its start. At most
     * {@code $3} bytes: a log that grew by more is read from that far before its end (the older
     * records are skipped; the first line then may be a record's tail). The closing marker keeps
     * the last line's newline through the output's stripping.
     */
    static final String AUDIT_SCRIPT = """
            f=$2
            if [ ! -e "$f" ]; then echo "audit-unreadable $f: no such file (is auditd installed and running?)"; exit 0; fi
            if [ ! -r "$f" ]; then echo "audit-unreadable $f: permission denied (log in as root)"; exit 0; fi
            size=$(wc -c < "$f"); from=$1
            [ "$from" -le "$size" ] || from=0
            start=$from; [ $((size - from)) -le "$3" ] || start=$((size - $3))
            echo "audit-from $from $start"
            tail -c +$((start + 1)) "$f" | head -c $((size - start)); echo "audit-end"
            """;

    private final SshCommand ssh;
    private final long limit;

    SshAuditLog(SshCommand ssh) {
        this(ssh, AuditReading.MAX_READ_BYTES);
    }

    /** @param limit the most bytes one read takes (tests use a small one) */
    SshAuditLog(SshCommand ssh, long limit) {
        this.ssh = ssh;
        this.limit = limit;
    }

    /** The audit log {@code log} from byte {@code offset} on, at most the limit's worth of its end. */
    AuditReading since(long offset, String log) {
        SshCommand.Result result = ssh.runScript(AUDIT_SCRIPT, List.of(Long.toString(Math.max(0, offset)), log,
                Long.toString(limit)));
        if (result.exitCode() != 0) {
            return new AuditReading.Unreadable("could not read the audit log over " + ssh + ": " + result.output());
        }
        return parseAudit(result.output());
    }

    /** What {@link #AUDIT_SCRIPT} printed; anything ssh itself printed before it is skipped. */
    static AuditReading parseAudit(String output) {
        int unreadable = output.indexOf("audit-unreadable ");
        if (unreadable >= 0) {
            return new AuditReading.Unreadable("cannot read the audit log "
                    + output.substring(unreadable + "audit-unreadable ".length()).strip());
        }
        int start = output.indexOf("audit-from ");
        int end = output.lastIndexOf("audit-end");
        if (start < 0 || end < start) {
            return new AuditReading.Unreadable("the audit log's reader printed something unexpected: "
                    + output.substring(0, Math.min(200, output.length())));
        }
        int newline = output.indexOf('\n', start);
        String[] offsets = output.substring(start + "audit-from ".length(),
                newline < 0 || newline > end ? end : newline).strip().split(" ");
        long from;
        long readFrom;
        try {
            from = Long.parseLong(offsets[0]);
            readFrom = offsets.length > 1 ? Long.parseLong(offsets[1]) : from;
        } catch (NumberFormatException e) {
            return new AuditReading.Unreadable("the audit log's reader printed something unexpected: "
                    + output.substring(start, Math.min(start + 200, output.length())));
        }
        byte[] body = newline < 0 || newline >= end ? new byte[0]
                : output.substring(newline + 1, end).getBytes(StandardCharsets.UTF_8);
        return AuditLogFile.lines(body, body.length, from, readFrom);
    }
}
