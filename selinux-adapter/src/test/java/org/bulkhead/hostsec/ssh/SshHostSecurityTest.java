package org.bulkhead.hostsec.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulkhead.model.hostsec.EnforcementFacts;
import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.junit.jupiter.api.Test;

/** What the SSH host reads, parsed from the output its scripts print (captured from the lab). */
class SshHostSecurityTest {

    @Test
    void aQemuSshUriBecomesTheSshCommandLibvirtWouldRun() {
        List<String> words = SshHostSecurity.forUri(
                "qemu+ssh://root@127.0.0.1:16522/system?keyfile=/var/lab%20key&no_verify=1").orElseThrow().command();
        assertEquals("ssh", words.get(0));
        assertEquals("127.0.0.1", words.get(words.size() - 1));
        String line = String.join(" ", words);
        assertTrue(line.contains("-p 16522"), line);
        assertTrue(line.contains("-l root"), line);
        assertTrue(words.contains("/var/lab key"), line);
        assertTrue(line.contains("StrictHostKeyChecking=no"), line);
        assertTrue(line.contains("BatchMode=yes"), "never asks for a password in the background: " + line);
    }

    @Test
    void otherTransportsHaveNoSshAccess() {
        assertEquals(Optional.empty(), SshHostSecurity.forUri("qemu+tcp://127.0.0.1:16510/system"));
        assertEquals(Optional.empty(), SshHostSecurity.forUri("qemu:///system"));
    }

    @Test
    void anEnforcingSelinuxHostWithDebiansContextFiles() {
        SecurityDriverInfo info = SshPolicy.parseDriver("""
                model selinux
                enforce 1
                domain system_u:system_r:svirt_t:s0
                image system_u:object_r:svirt_image_t:s0
                image system_u:object_r:virt_content_t:s0
                """);
        assertEquals("selinux", info.model());
        assertEquals(SecurityDriverInfo.Enforcement.ENFORCING, info.enforcement());
        assertEquals(Map.of("domain", "system_u:system_r:svirt_t:s0", "image", "system_u:object_r:svirt_image_t:s0",
                "content", "system_u:object_r:virt_content_t:s0"), info.baseContexts());
        assertEquals(SecurityDriverInfo.Enforcement.PERMISSIVE,
                SshPolicy.parseDriver("model selinux\nenforce 0\n").enforcement());
    }

    @Test
    void theKernelsFlagsSayWhichTypeIsPermissive() {
        // selinuxfs access answers as seen in the lab with (typepermissive virtd_t) loaded.
        EnforcementFacts facts = SshPolicy.parseFacts("""
                type 0 system_u:system_r:svirt_t:s0:c1,c2
                type 1 system_u:system_r:virtd_t:s0-s0:c0.c1023
                type ? system_u:system_r:nosuch_t:s0
                profiles unreadable
                """);
        assertEquals(Map.of("svirt_t", false, "virtd_t", true), facts.permissiveTypes());
        assertEquals(Optional.empty(), facts.permissive("nosuch_t"), "refused is not checked, never enforced");
        assertEquals(Optional.empty(), facts.profileModes());
        assertTrue(facts.notes().get(0).contains("nosuch_t"));
    }

    @Test
    void appArmorProfilesWithTheirModes() {
        EnforcementFacts facts = SshPolicy.parseFacts("""
                profile libvirt-5a1d3c4e-0000-4000-8000-000000000001 (complain)
                profile /usr/sbin/libvirtd (enforce)
                """);
        assertEquals(Optional.of(Map.of("libvirt-5a1d3c4e-0000-4000-8000-000000000001", "complain",
                "/usr/sbin/libvirtd", "enforce")), facts.profileModes());
    }

    @Test
    void theRemoteAuditLogIsReadFromTheOffsetWithTailAndKeepsAHalfWrittenLineForLater(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path log = dir.resolve("audit.log");
        String first = "type=DAEMON_START msg=audit(1796050000.000:1): op=start\n";
        String denied = "type=AVC msg=audit(1796050873.064:644): avc:  denied  { open } for  pid=4242"
                + " scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4"
                + " tclass=file permissive=0\n";
        java.nio.file.Files.writeString(log, first + denied + "type=SYSCALL msg=au");
        // "sh -c" stands in for "ssh host": the same script runs, on this machine.
        SshAuditLog host = new SshAuditLog(new SshCommand(List.of("sh", "-c")));
        var read = org.junit.jupiter.api.Assertions.assertInstanceOf(
                org.bulkhead.model.audit.AuditReading.Lines.class, host.since(first.length(), log.toString()));
        assertEquals(List.of(denied.strip()), read.lines());
        assertEquals(first.length() + denied.length(), read.nextOffset());
        assertEquals("refused", read.denials().get(0).outcome());
    }

    @Test
    void aRemoteAuditLogThatCannotBeReadSaysWhy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        SshAuditLog host = new SshAuditLog(new SshCommand(List.of("sh", "-c")));
        var unreadable = org.junit.jupiter.api.Assertions.assertInstanceOf(
                org.bulkhead.model.audit.AuditReading.Unreadable.class,
                host.since(0, dir.resolve("nosuch.log").toString()));
        assertTrue(unreadable.reason().contains("no such file"), unreadable.reason());
        assertTrue(SshHostSecurity.over(List.of("false")).auditSince(0) instanceof
                org.bulkhead.model.audit.AuditReading.Unreadable, "ssh that fails is not an empty log");
    }

    @Test
    void anAppArmorConfinedQemuIsReadWithoutItsModeAndWithItsIds() {
        var process = SshHostSecurity.parseProcess(812,
                "libvirt-0f8fad5b-d9cb-469f-a165-70867728950e (enforce) 64055 64055\n").orElseThrow();
        assertEquals(Optional.of("libvirt-0f8fad5b-d9cb-469f-a165-70867728950e"), process.selinuxContext());
        assertEquals(64055, process.uid());
        assertEquals(64055, process.gid());
    }

    @Test
    void anSelinuxOrUnconfinedProcessKeepsItsLabelOrHasNone() {
        assertEquals(Optional.of("system_u:system_r:svirt_t:s0:c1,c2"), SshHostSecurity.parseProcess(1,
                "system_u:system_r:svirt_t:s0:c1,c2    107   107").orElseThrow().selinuxContext());
        assertEquals(Optional.empty(), SshHostSecurity.parseProcess(1, "unconfined 0 0").orElseThrow()
                .selinuxContext());
        assertEquals(Optional.empty(), SshHostSecurity.parseProcess(1, "- 0 0").orElseThrow().selinuxContext());
        assertEquals(Optional.empty(), SshHostSecurity.parseProcess(1, "ps: something odd"),
                "output that is not ps's line is no process, not a crash");
    }

    @Test
    void aFileOnAHostWithoutSelinuxIsReadThoughStatComplainsAboutItsContext() {
        // stat's output on the AppArmor lab: the line, and exit code 1 for the missing context
        var label = SshHostSecurity.parseStat(java.nio.file.Path.of("/var/lib/libvirt/images/a.qcow2"), 1,
                "stat: failed to get security context of '/var/lib/libvirt/images/a.qcow2': No data available\n"
                        + "?|64055|64055|600", "ssh lab");
        assertEquals(Optional.empty(), label.selinuxContext());
        assertEquals(64055, label.uid());
        assertEquals(0600, label.mode());
    }

    @Test
    void aMissingFileIsStillAnError() {
        var missing = org.junit.jupiter.api.Assertions.assertThrows(
                org.bulkhead.model.hostsec.FileLabelException.class, () -> SshHostSecurity.parseStat(
                        java.nio.file.Path.of("/gone"), 1, "stat: cannot statx '/gone': No such file or directory",
                        "ssh lab"));
        assertEquals(org.bulkhead.model.hostsec.FileLabelException.Reason.NOT_FOUND, missing.reason());
    }

    @Test
    void aRecheckReadsTheDriverAndThePolicyInOneSshCommand(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path calls = dir.resolve("calls");
        // Stands in for "ssh host" and counts the commands run on the host.
        SshHostSecurity host = SshHostSecurity.over(List.of("sh", "-c", "echo call >> " + calls + "; sh -c \"$1\"",
                "ssh"));
        host.driver();
        host.enforcementFacts(java.util.Set.of());
        assertEquals(1, java.nio.file.Files.readAllLines(calls).size(), "the facts came with the driver");
        host.enforcementFacts(java.util.Set.of());
        assertEquals(2, java.nio.file.Files.readAllLines(calls).size(), "asked again without the driver: read again");
    }

    @Test
    void aLargeRemoteLogIsReadFromItsEndAndSaysOlderRecordsWereNotRead(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path log = dir.resolve("audit.log");
        String old = "type=DAEMON_START msg=audit(1796050000.000:1): op=start\n".repeat(100);
        String denied = "type=AVC msg=audit(1796050873.064:644): avc:  denied  { open } for  pid=4242"
                + " scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4"
                + " tclass=file permissive=0\n";
        java.nio.file.Files.writeString(log, old + denied);
        // "sh -c" stands in for "ssh host": the same script runs, on this machine.
        SshAuditLog host = new SshAuditLog(new SshCommand(List.of("sh", "-c")), denied.length() + 10);
        var read = org.junit.jupiter.api.Assertions.assertInstanceOf(
                org.bulkhead.model.audit.AuditReading.Lines.class, host.since(0, log.toString()));
        assertEquals(List.of(denied.strip()), read.lines());
        assertEquals(old.length(), read.skipped());
        assertEquals(old.length() + denied.length(), read.nextOffset());
        assertTrue(read.olderNotRead().orElseThrow().startsWith("older records not read"), read.toString());
    }
}
