package org.bulkhead.hostsec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.bulkhead.model.audit.AuditReading;
import org.bulkhead.model.audit.Denial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local audit log, read from an offset as auditd appends to it. */
class AuditLogFileTest {

    static final String DENIED = "type=AVC msg=audit(1796050873.064:644): avc:  denied  { open } for  pid=4242"
            + " comm=\"qemu-system-x86\" path=\"/var/lib/libvirt/images/db.qcow2\" dev=\"vda1\" ino=12"
            + " scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4"
            + " tclass=file permissive=1\n";
    static final String SYSCALL = "type=SYSCALL msg=audit(1796050873.064:644): arch=c000003e syscall=257"
            + " success=yes exit=3 pid=4242 comm=\"qemu-system-x86\" exe=\"/usr/bin/qemu-system-x86_64\"\n";

    @TempDir
    Path dir;

    @Test
    void onlyWhatWasAppendedSinceTheOffsetIsRead() throws Exception {
        Path log = dir.resolve("audit.log");
        Files.writeString(log, "type=DAEMON_START msg=audit(1796050000.000:1): op=start\n");
        AuditLogFile file = new AuditLogFile(log);
        AuditReading.Lines first = assertInstanceOf(AuditReading.Lines.class, file.since(0));
        assertEquals(1, first.lines().size());
        assertEquals(Files.size(log), first.nextOffset());

        Files.writeString(log, DENIED + SYSCALL, StandardOpenOption.APPEND);
        AuditReading.Lines next = assertInstanceOf(AuditReading.Lines.class, file.since(first.nextOffset()));
        assertEquals(2, next.lines().size(), "the first line is not read again");
        List<Denial> denials = next.denials();
        assertEquals(1, denials.size());
        assertEquals("logged, not enforced", denials.get(0).outcome());
    }

    @Test
    void aLineStillBeingWrittenWaitsForTheNextRead() throws Exception {
        Path log = dir.resolve("audit.log");
        String half = SYSCALL.substring(0, 40);
        Files.write(log, (DENIED + half).getBytes(StandardCharsets.UTF_8));
        AuditReading.Lines read = assertInstanceOf(AuditReading.Lines.class, new AuditLogFile(log).since(0));
        assertEquals(1, read.lines().size());
        assertEquals(DENIED.length(), read.nextOffset());
    }

    @Test
    void aRotatedLogIsReadFromItsStart() throws Exception {
        Path log = dir.resolve("audit.log");
        Files.writeString(log, DENIED);
        AuditReading.Lines read = assertInstanceOf(AuditReading.Lines.class,
                new AuditLogFile(log).since(100_000));
        assertEquals(0, read.from());
        assertEquals(1, read.lines().size());
    }

    @Test
    void aMissingLogSaysSoInsteadOfNoDenials() {
        AuditReading reading = new AuditLogFile(dir.resolve("nosuch.log")).since(0);
        AuditReading.Unreadable unreadable = assertInstanceOf(AuditReading.Unreadable.class, reading);
        assertTrue(unreadable.reason().contains("no such file"), unreadable.reason());
    }

    @Test
    void aLogThatIsADirectoryIsUnreadableNotEmpty() {
        assertInstanceOf(AuditReading.Unreadable.class, new AuditLogFile(dir).since(0));
    }

    @Test
    void aLargeLogIsReadFromItsEndOnFirstOpenAndSaysOlderRecordsWereNotRead() throws Exception {
        Path log = dir.resolve("audit.log");
        StringBuilder old = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            old.append("type=DAEMON_START msg=audit(1796050000.000:").append(i).append("): op=start\n");
        }
        Files.writeString(log, old + DENIED + SYSCALL);
        long limit = DENIED.length() + SYSCALL.length() + 20; // the new event and the tail of an old line
        AuditLogFile file = new AuditLogFile(log, limit);

        AuditReading.Lines first = assertInstanceOf(AuditReading.Lines.class, file.since(0));
        assertEquals(List.of(DENIED.strip(), SYSCALL.strip()), first.lines(),
                "only whole lines from the end: the old line the read began inside is left out too");
        assertEquals(old.length(), first.skipped());
        assertEquals(Files.size(log), first.nextOffset());
        assertEquals(1, first.denials().size(), "the denial in the part read is found");
        String note = first.olderNotRead().orElseThrow();
        assertTrue(note.startsWith("older records not read"), note);

        Files.writeString(log, SYSCALL, StandardOpenOption.APPEND);
        AuditReading.Lines next = assertInstanceOf(AuditReading.Lines.class, file.since(first.nextOffset()));
        assertEquals(List.of(SYSCALL.strip()), next.lines(), "later reads follow on from where the first stopped");
        assertEquals(0, next.skipped());
        assertTrue(next.olderNotRead().isEmpty());
    }
}
