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
 * window following it never re-reads the whole file.
 */
public final class AuditLogFile {

    /** auditd's default log. */
    public static final Path DEFAULT = Path.of("/var/log/audit/audit.log");

    private final Path file;

    public AuditLogFile(Path file) {
        this.file = file;
    }

    public AuditReading since(long offset) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            // A log shorter than the offset was rotated: the new file is read from its start.
            long from = offset >= 0 && offset <= size ? offset : 0;
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(size - from));
            while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) > 0) {
                // read until the size seen at open; what auditd appends meanwhile waits for the next call
            }
            return AuditLogFile.lines(buffer.array(), buffer.position(), from);
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
        int end = length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\n"));
        return new AuditReading.Lines(lines, from, from + end);
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
