package org.bulkhead.model.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Following the audit log as auditd appends to it: each poll reads from where the last stopped,
 * an event split over two reads is one denial, and an unreadable log is never "no denials".
 */
class AuditFollowerTest {

    private static final String WEB = "system_u:system_r:svirt_t:s0:c170,c391";
    private static final String DB_IMAGE = "system_u:object_r:svirt_image_t:s0:c440,c588";
    private static final List<DenialTrails.Vm> VMS = List.of(
            new DenialTrails.Vm("web", Optional.of(WEB), Optional.of("system_u:object_r:svirt_image_t:s0:c170,c391")),
            new DenialTrails.Vm("db", Optional.of("system_u:system_r:svirt_t:s0:c440,c588"), Optional.of(DB_IMAGE)));

    /** A log that grows as the test appends, read from byte offsets like the host facts port does. */
    private static final class GrowingLog {
        final StringBuilder text = new StringBuilder();
        final List<Long> offsetsAsked = new ArrayList<>();
        String unreadable;

        void append(String... lines) {
            for (String line : lines) {
                text.append(line).append('\n');
            }
        }

        AuditReading since(long offset) {
            offsetsAsked.add(offset);
            if (unreadable != null) {
                return new AuditReading.Unreadable(unreadable);
            }
            byte[] all = text.toString().getBytes(StandardCharsets.UTF_8);
            long from = offset <= all.length ? offset : 0;
            String rest = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
            return new AuditReading.Lines(rest.isEmpty() ? List.of() : rest.lines().toList(), from, all.length);
        }
    }

    private static String avc(int serial, int permissive) {
        return "type=AVC msg=audit(1796050873.064:" + serial + "): avc:  denied  { open } for  pid=4242"
                + " comm=\"qemu-system-x86\" path=\"/var/lib/libvirt/images/db.qcow2\" scontext=" + WEB
                + " tcontext=" + DB_IMAGE + " tclass=file permissive=" + permissive;
    }

    private static String syscall(int serial) {
        return "type=SYSCALL msg=audit(1796050873.064:" + serial + "): arch=c000003e syscall=257 success=no exit=-13"
                + " pid=4242 comm=\"qemu-system-x86\" exe=\"/usr/bin/qemu-system-x86_64\"";
    }

    private static String proctitle(int serial) {
        return "type=PROCTITLE msg=audit(1796050873.064:" + serial + "): proctitle=\"/usr/bin/qemu-system-x86_64\"";
    }

    @Test
    void eachPollReadsOnlyWhatTheLogGainedAndNewDenialsJoinTheTrail() {
        GrowingLog log = new GrowingLog();
        AuditFollower follower = new AuditFollower(100);
        log.append(avc(1, 0), syscall(1), proctitle(1));
        assertTrue(follower.poll(log::since));
        long afterFirst = follower.offset();
        assertEquals(log.text.length(), afterFirst);

        assertFalse(follower.poll(log::since), "nothing new: no change to show");
        log.append(avc(2, 1), syscall(2), proctitle(2));
        assertTrue(follower.poll(log::since));
        assertEquals(List.of(0L, afterFirst, afterFirst), log.offsetsAsked, "never from the start again");

        DenialTrail db = follower.trails(VMS).of("db").orElseThrow();
        assertEquals(2, db.entries().size());
        assertEquals(1, db.refused());
        assertEquals(1, db.loggedOnly());
        assertTrue(db.entries().get(1).explanation().startsWith("web tried to open db's file"),
                db.entries().get(1).explanation());
    }

    @Test
    void anEventWhoseRecordsStraddleTwoReadsIsOneDenialWithItsProgram() {
        GrowingLog log = new GrowingLog();
        AuditFollower follower = new AuditFollower(100);
        log.append(avc(7, 0));
        follower.poll(log::since);
        log.append(syscall(7), proctitle(7));
        follower.poll(log::since);

        List<Denial> denials = follower.denials();
        assertEquals(1, denials.size(), denials.toString());
        assertEquals(Optional.of("/usr/bin/qemu-system-x86_64"), denials.get(0).executable());
    }

    @Test
    void anEventWithoutSyscallRecordsIsShownAtTheNextPollEvenWhenNothingFollows() {
        GrowingLog log = new GrowingLog();
        AuditFollower follower = new AuditFollower(100);
        log.append(avc(9, 1));
        follower.poll(log::since);
        follower.poll(log::since);
        assertEquals(1, follower.denials().size());
    }

    @Test
    void theLabsCapturedLogReadInPiecesGivesTheSameDenialsAsReadWhole() throws IOException {
        List<String> lines;
        try (InputStream in = AuditFollowerTest.class.getResourceAsStream("lab-selinux-avc-events.log")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<Denial> whole = new AuditReading.Lines(lines, 0, 0).denials();
        GrowingLog log = new GrowingLog();
        AuditFollower follower = new AuditFollower(1000);
        for (int i = 0; i < lines.size(); i += 2) {
            log.append(lines.subList(i, Math.min(i + 2, lines.size())).toArray(String[]::new));
            follower.poll(log::since);
        }
        follower.poll(log::since);
        assertEquals(whole, follower.denials());
    }

    @Test
    void anUnreadableLogSaysWhyAndReadingResumesWhereItStopped() {
        GrowingLog log = new GrowingLog();
        AuditFollower follower = new AuditFollower(100);
        assertEquals(Optional.of("the audit log has not been read yet"), follower.trails(VMS).unreadable());
        log.append(avc(1, 0), syscall(1), proctitle(1));
        follower.poll(log::since);
        long offset = follower.offset();

        log.unreadable = "cannot read the audit log over ssh: connection refused";
        assertTrue(follower.poll(log::since));
        assertEquals(Optional.empty(), follower.trails(VMS).of("db"), "no trail rather than an empty one");
        assertFalse(follower.poll(log::since), "the same reason again is no change");

        log.unreadable = null;
        log.append(avc(2, 0), syscall(2), proctitle(2));
        assertTrue(follower.poll(log::since));
        assertEquals(offset, log.offsetsAsked.get(log.offsetsAsked.size() - 1));
        assertEquals(2, follower.trails(VMS).of("db").orElseThrow().entries().size());
    }

    @Test
    void onlyTheNewestDenialsAreKept() {
        GrowingLog log = new GrowingLog();
        AuditFollower follower = new AuditFollower(3);
        for (int serial = 1; serial <= 5; serial++) {
            log.append(avc(serial, 0), syscall(serial), proctitle(serial));
        }
        follower.poll(log::since);
        assertEquals(List.of("1796050873.064:3", "1796050873.064:4", "1796050873.064:5"),
                follower.denials().stream().map(Denial::eventId).toList());
    }

    @Test
    void aRotatedLogIsReadFromItsStartAndKeepsWhatWasSeenBefore() {
        GrowingLog log = new GrowingLog();
        AuditFollower follower = new AuditFollower(100);
        log.append(avc(1, 0), syscall(1), proctitle(1), avc(2, 0), syscall(2), proctitle(2));
        follower.poll(log::since);
        log.text.setLength(0);
        log.append(avc(3, 1), syscall(3), proctitle(3));
        follower.poll(log::since);
        assertEquals(3, follower.denials().size());
    }

    @Test
    void aFirstReadThatLeftOlderRecordsOutSaysSoInTheTrails() {
        AuditFollower follower = new AuditFollower(100);
        String event = avc(7, 0) + "\n" + syscall(7) + "\n" + "type=PROCTITLE msg=audit(1796050873.064:7): proctitle=71656D75\n";
        // As the host facts port answers the first read of a log larger than it reads at once.
        assertTrue(follower.poll(offset -> new AuditReading.Lines(event.lines().toList(), 50_000_000,
                50_000_000 + event.length(), 50_000_000)));

        DenialTrails trails = follower.trails(VMS);
        assertEquals(1, trails.of("web").orElseThrow().entries().size(), "what was read is shown");
        String note = trails.olderNotRead().orElseThrow();
        assertTrue(note.startsWith("older records not read") && note.contains("47.7 MiB"), note);

        follower.poll(offset -> new AuditReading.Lines(List.of(), offset, offset));
        assertEquals(Optional.of(note), follower.trails(VMS).olderNotRead(), "still not read after later reads");
    }
}
