package org.bulkhead.hostsec;

import org.bulkhead.hostsec.driver.HostFacts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bulkhead.model.hostsec.ProcessLabel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who a process runs as, the way a VM's QEMU is checked against its label. */
class ProcessLabelTest {

    private static final String SVIRT = "system_u:system_r:svirt_t:s0:c471,c901";

    private final LocalHostSecurity security = LocalHostSecurity.create();
    private Path dir;

    @BeforeAll
    static void asRoot() {
        RealHost.requireRoot();
    }

    @BeforeEach
    void createDirectory() throws IOException {
        dir = RealHost.scratch("proc");
    }

    @AfterEach
    void cleanUp() throws IOException {
        RealHost.delete(dir);
    }

    @Test
    void theTestJvmRunsAsRootWithNoLsmLabel() {
        long pid = ProcessHandle.current().pid();

        ProcessLabel label = security.processLabel(pid).orElseThrow();

        assertEquals(pid, label.pid());
        assertEquals(0, label.uid());
        assertEquals(0, label.gid());
        assertEquals(Optional.empty(), label.selinuxContext(), "this kernel has no LSM to label processes");
    }

    @Test
    void aProcessRunningAsAVmsUidShowsThatUid() throws Exception {
        Process child = new ProcessBuilder("setpriv", "--reuid=200003", "--regid=64055", "--clear-groups",
                "sleep", "60").start();
        try {
            awaitExec(child.toHandle(), "sleep");

            ProcessLabel label = security.processLabel(child.pid()).orElseThrow();

            assertEquals(200003, label.uid());
            assertEquals(64055, label.gid());
        } finally {
            child.destroy();
            child.waitFor();
        }
    }

    @Test
    void aProcessThatHasExitedIsNotFound() throws Exception {
        Process child = new ProcessBuilder("true").start();
        child.waitFor();

        assertEquals(Optional.empty(), security.processLabel(child.pid()));
    }

    @Test
    void anAppArmorLabelLosesItsModeAndUnconfinedMeansNone() throws IOException {
        HostFacts fakeProc = HostFacts.thisHost().withProcRoot(dir);
        var procfs = LocalHostSecurity.create(fakeProc);
        fakeProcess(4242, "libvirt-0b4c3a3e-8f36-4c2b-a2b1-5d4c1b2a9e01 (enforce)\n");
        fakeProcess(4243, "unconfined\n");

        assertEquals(Optional.of("libvirt-0b4c3a3e-8f36-4c2b-a2b1-5d4c1b2a9e01"),
                procfs.processLabel(4242).orElseThrow().selinuxContext());
        assertEquals(Optional.empty(), procfs.processLabel(4243).orElseThrow().selinuxContext());
        assertEquals(107, procfs.processLabel(4242).orElseThrow().uid(), "the effective uid, not the real one");
    }

    @Test
    void whereSelinuxIsOnTheContextComesFromGetpidcon() throws IOException {
        var lib = new FakeLibselinux();
        lib.processContexts.put(4242L, SVIRT);
        fakeProcess(4242, "ignored, getpidcon answers\n");
        var selinuxHost = LocalHostSecurity.create(HostFacts.thisHost().withProcRoot(dir).withLibselinux(Optional.of(lib)));

        assertEquals(Optional.of(SVIRT), selinuxHost.processLabel(4242).orElseThrow().selinuxContext());
    }

    private void fakeProcess(int pid, String attrCurrent) throws IOException {
        Path process = Files.createDirectories(dir.resolve(pid + "/attr"));
        Files.writeString(process.resolve("current"), attrCurrent);
        Files.writeString(dir.resolve(pid + "/status"),
                "Name:\tqemu-system-x86\nUid:\t0\t107\t107\t107\nGid:\t0\t108\t108\t108\n");
    }

    /** setpriv drops privileges before it execs: only then does the process show the new uid. */
    private static void awaitExec(ProcessHandle process, String program) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (process.info().command().map(command -> command.endsWith("/" + program)).orElse(false)) {
                return;
            }
            Thread.sleep(10);
        }
        fail(program + " did not start within 10 s");
    }
}
