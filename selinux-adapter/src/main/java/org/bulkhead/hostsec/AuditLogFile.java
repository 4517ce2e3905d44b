package org.bulkhead.hostsec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.bulkhead.model.audit.AuditReading;

/**
 * The audit log as auditd writes it, read from a byte offset: only what was appended since, so a
 * window following it never re-reads the whole file. One read takes at most a limit's worth
 * ({@link AuditReading#MAX_READ_BYTES}): the first read of a large log reads its end only and
 * says that older records were not read.
 */
public final class AuditLogFile {

    /** auditd's default log. */
    public static final Path DEFAULT = Path.of("/var/log/audit/audit.log");

    private final Path file;
    private final long limit;

    public AuditLogFile(Path file) {
        this(file, AuditReading.MAX_READ_BYTES);
    }

    /** @param limit the most bytes one read takes (tests use a small one) */
    AuditLogFile(Path file, long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 byte, not " + limit);
        }
        this.file = file;
        this.limit = limit;
    }

    public AuditReading since(long offset) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            // A log shorter than the offset was rotated: the new file is read from its start.
            long from = offset >= 0 && offset <= size ? offset : 0;
            long start = Math.max(from, size - limit);
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(size - start));
            while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) > 0) {
                // read until the size seen at open; what auditd appends meanwhile waits for the next call
            }
            return AuditLogFile.lines(buffer.array(), buffer.position(), from, start);
        } catch (NoSuchFileException e) {
            return new AuditReading.Unreadable("cannot read the audit log " + file
                    + ": no such file (is auditd installed and running?)");
        } catch (AccessDeniedException e) {
            return new AuditReading.Unreadable("cannot read the audit log " + file
                    + ": permission denied (it is readable by root only; run as root or use the journal)");
        } catch (IOException | ArithmeticException e) {
            return new AuditReading.Unreadable("cannot read the audit log " + file + ": " + e.getMessage());
        }
    }

    /** The complete lines of {@code bytes[0, length)}; a trailing partial line is left for the next read. */
    public static AuditReading.Lines lines(byte[] bytes, int length, long from) {
        return lines(bytes, length, from, from);
    }

    /**
     * The complete lines of {@code bytes[0, length)}, read from byte {@code start} of a log asked
     * for from {@code from}: when {@code start} is later, the bytes between were skipped, and so
     * is the line the read began inside (it may be a record's tail). A trailing partial line is
     * left for the next read.
     */
    public static AuditReading.Lines lines(byte[] bytes, int length, long from, long start) {
        int begin = 0;
        if (start > from) {
            while (begin < length && bytes[begin] != '\n') {
                begin++;
            }
            begin = Math.min(length, begin + 1);
        }
        int end = length;
        while (end > begin && bytes[end - 1] != '\n') {
            end--;
        }
        String text = new String(bytes, begin, end - begin, StandardCharsets.UTF_8);
        List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\n"));
        return new AuditReading.Lines(lines, start + begin, start + end, start + begin - from);
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
