package org.bulkhead.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bulkhead.model.testing.Commands;
import org.bulkhead.app.wiring.Wiring;
import org.bulkhead.model.disposable.Disposable;
import org.bulkhead.model.disposable.DisposableEnd;
import org.bulkhead.model.disposable.DisposableVms;
import org.bulkhead.model.disposable.DisposableXml;
import org.bulkhead.model.disposable.Leftovers;
import org.bulkhead.model.disposable.LiveDisposables;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.VolumeRequest;
import org.bulkhead.model.label.DacLabel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disposable VMs on a real libvirtd (DAC here): two of one template each run under a uid of
 * their own, neither can read the other's overlay, the template is read by both and written by
 * neither, nothing is left once they end, and a Bulkhead killed mid-run is cleaned up after.
 */
@Tag("real-libvirt")
class RealDisposableTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path state;

    private RealPool pool;
    private Wiring wiring;
    private HypervisorConnection connection;
    private LiveDisposables live;
    private DomainRecord template;
    private Path templateImage;
    private final List<Disposable> running = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        pool = RealPool.create("disp");
        wiring = Wiring.real();
        connection = wiring.hypervisor().open(pool.uri);
        live = new LiveDisposables(state.resolve("disposables.json"));
        var volume = connection.createVolume(new VolumeRequest(pool.name, pool.prefix + "-tmpl.qcow2", 16 * MIB,
                "qcow2", 0600));
        templateImage = Path.of(volume.path());
        template = connection.define(templateXml(pool.prefix + "-tmpl", volume.path()));
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            DisposableVms vms = wiring.disposables(connection, live);
            running.forEach(vms::end);
            connection.close();
        } finally {
            pool.close();
        }
    }

    @Test
    void twoDisposablesOfOneTemplateRunAsTwoUsersThatCannotReadEachOthersOverlay() throws Exception {
        DisposableVms vms = wiring.disposables(connection, live);
        List<String> notes = new ArrayList<>();
        Disposable a = start(vms, notes::add);
        Disposable b = start(vms, notes::add);
        int qemuGid = Integer.parseInt(Commands.run("getent", "group", "libvirt-qemu").output().split(":")[2]);

        int uidA = DacLabel.parse(a.label()).uid().orElseThrow();
        int uidB = DacLabel.parse(b.label()).uid().orElseThrow();
        assertNotEquals(uidA, uidB, "each disposable gets a label of its own: " + a.label() + ", " + b.label());
        assertEquals(List.of(a.uuid(), b.uuid()), live.all().stream().map(LiveDisposables.Entry::uuid).toList(),
                "both are noted as running");
        for (Disposable d : List.of(a, b)) {
            DomainRecord record = connection.domain(d.uuid()).orElseThrow();
            assertTrue(record.state().isActive(), d.name() + " runs");
            long pid = record.pid().orElseThrow();
            assertEquals(DacLabel.parse(d.label()).uid().orElseThrow(),
                    Files.getAttribute(Path.of("/proc", Long.toString(pid)), "unix:uid"), "QEMU of " + d.name() + " runs as its own uid");
            Path overlay = Path.of(d.overlay());
            assertEquals(DacLabel.parse(d.label()).uid().orElseThrow(), Files.getAttribute(overlay, "unix:uid"));
            assertEquals(0600, (Integer) Files.getAttribute(overlay, "unix:mode") & 07777, overlay + " is private");
        }

        // The kernel is the judge: each uid reads its own overlay and is refused the other's.
        assertEquals(0, readAs(uidA, qemuGid, a.overlay()).exitCode(), "A reads its own overlay");
        Commands.Result refused = readAs(uidA, qemuGid, b.overlay());
        assertNotEquals(0, refused.exitCode(), "A must not read B's overlay");
        assertTrue(refused.output().contains("Permission denied"), refused.output());
        assertNotEquals(0, readAs(uidB, qemuGid, a.overlay()).exitCode(), "B must not read A's overlay");

        // The template is shared read-only content: both read it, neither writes it, neither owns it.
        assertEquals(0, (Integer) Files.getAttribute(templateImage, "unix:uid"), "root still owns the template");
        assertEquals(0640, (Integer) Files.getAttribute(templateImage, "unix:mode") & 07777);
        assertEquals(0, readAs(uidA, qemuGid, templateImage.toString()).exitCode(), "A reads the template");
        Commands.Result write = Commands.run("setpriv", "--reuid=" + uidB, "--regid=" + qemuGid, "--clear-groups", "sh", "-c",
                "echo x >> " + templateImage);
        assertNotEquals(0, write.exitCode(), "B must not write the template: " + write.output());
        assertTrue(notes.stream().anyMatch(n -> n.contains("shared read-only content")), notes.toString());

        for (Disposable d : List.of(a, b)) {
            DisposableEnd end = vms.end(d);
            running.remove(d);
            assertTrue(end.clean(), end.describe());
            assertTrue(connection.domain(d.uuid()).isEmpty(), d.name() + " no longer exists");
            assertFalse(Files.exists(Path.of(d.overlay())), d.overlay() + " is deleted");
        }
        assertEquals(0, (Integer) Files.getAttribute(templateImage, "unix:uid"), "the template is owned as before");
        assertEquals(qemuGid, (Integer) Files.getAttribute(templateImage, "unix:gid"));
        assertEquals(0640, (Integer) Files.getAttribute(templateImage, "unix:mode") & 07777);
        assertEquals(List.of(), live.all(), "nothing is noted as running any more");
        assertEquals(List.of(), Commands.run("virsh", "-c", pool.uri, "list", "--all", "--name").output().lines()
                .filter(n -> n.startsWith(template.name() + "-disposable")).toList(), "no domain is left");
    }

    @Test
    void aDisposableThatStopsIsNoticedSoItCanBeEnded() throws Exception {
        DisposableVms vms = wiring.disposables(connection, live);
        Disposable d = start(vms, s -> { });
        CountDownLatch stopped = new CountDownLatch(1);
        try (AutoCloseable watch = vms.whenStopped(d, stopped::countDown)) {
            // From outside, as the guest's own power-off would.
            Commands.Result destroyed = Commands.run("virsh", "-c", pool.uri, "destroy", d.name());
            assertEquals(0, destroyed.exitCode(), destroyed.output());
            assertTrue(stopped.await(30, TimeUnit.SECONDS), "the stop of " + d.name() + " is reported");
        }
        DisposableEnd end = vms.end(d);
        running.remove(d);
        assertTrue(end.clean(), end.describe());
        assertTrue(end.removed().contains("the VM was already gone"), end.removed().toString());
        assertFalse(Files.exists(Path.of(d.overlay())));
    }

    @Test
    void whatAKilledBulkheadLeftIsCleanedUpAtTheNextStart() throws Exception {
        // Another JVM starts a disposable, then dies by SIGKILL: no shutdown hook, no clean-up.
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DisposableChild.class.getName(), pool.uri,
                template.uuid(), live.file().toString())
                .redirectErrorStream(true).start();
        String overlay;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder all = new StringBuilder();
            overlay = null;
            while ((line = out.readLine()) != null) {
                all.append(line).append('\n');
                if (line.startsWith("RUNNING ")) {
                    overlay = line.substring("RUNNING ".length());
                    break;
                }
            }
            assertTrue(overlay != null, "the child started a disposable: " + all);
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        LiveDisposables.Entry orphan = live.all().get(0);
        assertFalse(orphan.ownerAlive(), "its owner is gone");
        assertTrue(Files.exists(Path.of(overlay)), "a killed Bulkhead leaves its overlay");
        // libvirt's auto-destroy ends the domain when the dead process's connection closes.
        for (int i = 0; i < 100 && connection.domain(orphan.uuid()).isPresent(); i++) {
            Thread.sleep(100);
        }
        assertTrue(connection.domain(orphan.uuid()).isEmpty(), "the daemon destroyed the orphaned domain");

        List<String> said = Leftovers.cleanOrphans(live, wiring.hypervisor()::open);

        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("Cleaned up the disposable VM '" + orphan.name() + "'"), said.get(0));
        assertTrue(said.get(0).contains("deleted its overlay " + overlay), said.get(0));
        assertFalse(Files.exists(Path.of(overlay)), "the overlay is deleted");
        assertEquals(List.of(), live.all());
        assertEquals(List.of(), Leftovers.cleanOrphans(live, wiring.hypervisor()::open), "nothing more to clean");
    }

    @Test
    void aUidInUseByAProcessThisConnectionCannotSeeIsNeverGivenToADisposable() throws Exception {
        // Two UIDs in the range; a process (a VM of another kiosk guest, say) already runs as the first.
        int taken = 264_000;
        var ledger = new org.bulkhead.model.ledger.LabelLedger(
                org.bulkhead.model.ledger.LedgerConfig.defaults().withUids(taken, taken + 1));
        Process other = new ProcessBuilder("setpriv", "--reuid=" + taken, "--regid=64055", "--clear-groups",
                "sleep", "120").start();
        try {
            for (int i = 0; i < 50 && !Files.exists(Path.of("/proc", Long.toString(other.pid()))); i++) {
                Thread.sleep(20);
            }
            DisposableVms vms = new DisposableVms(connection, wiring.inspector().probeHost(connection), ledger,
                    java.util.Optional.of(wiring.hostSecurity()),
                    java.util.Optional.of(new org.bulkhead.hostsec.LocalHostFiles()), live);
            for (int attempt = 0; attempt < 3; attempt++) {
                Disposable d = start(vms, s -> { });
                assertEquals(java.util.OptionalInt.of(taken + 1), DacLabel.parse(d.label()).uid(), d.label());
                assertTrue(vms.end(d).clean());
                running.remove(d);
            }
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void theDisposableCommandRunsUntilTheGuestStopsAndThenLeavesNothing() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine line = Main.commandLine(Wiring::real);
        line.setOut(new java.io.PrintWriter(out, true));
        line.setErr(new java.io.PrintWriter(err, true));
        java.util.concurrent.CompletableFuture<Integer> exit = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> line.execute("disposable", template.name(), "--connect", pool.uri, "--memory", "96", "--no-network"));
        // Listed while it still starts: wait for the command to say it runs.
        for (int i = 0; i < 300 && !out.toString().contains("It ends when"); i++) {
            Thread.sleep(100);
        }
        String name = connection.listNames().stream().map(d -> d.name())
                .filter(n -> n.startsWith(template.name() + "-disposable-")).findFirst().orElse("");
        assertFalse(name.isEmpty(), "the command starts a disposable VM: " + out + err);
        String xml = Commands.run("virsh", "-c", pool.uri, "dumpxml", name).output();
        assertFalse(xml.contains("<interface"), "--no-network leaves it without a network: " + xml);
        assertTrue(xml.contains("<memory unit='KiB'>98304</memory>"), "--memory 96: " + xml);
        // The guest powers off (here: pulled from outside); the command notices and ends it.
        Commands.Result destroyed = Commands.run("virsh", "-c", pool.uri, "destroy", name);
        assertEquals(0, destroyed.exitCode(), destroyed.output());

        assertEquals(0, exit.get(60, TimeUnit.SECONDS), out + "\n" + err);
        assertTrue(out.toString().contains("Running '" + name + "'"), out.toString());
        assertTrue(out.toString().contains("Nothing of '" + name + "' is left"), out.toString());
        try (var files = Files.list(pool.dir)) {
            assertEquals(List.of(templateImage), files.toList(), "only the template is left in the pool");
        }
    }

    private Disposable start(DisposableVms vms, java.util.function.Consumer<String> notes) {
        Disposable d = vms.start(template.uuid(), DisposableXml.Options.AS_TEMPLATE, notes);
        running.add(d);
        return d;
    }

    private static Commands.Result readAs(int uid, int gid, String file) throws Exception {
        return Commands.run("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "head", "-c", "512", file);
    }

    static String templateXml(String name, String image) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>64</memory>"
                + "<os><type arch='x86_64'>hvm</type></os><devices>"
                + "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='" + image + "'/>"
                + "<target dev='vda' bus='virtio'/></disk>"
                + "<interface type='user'><mac address='52:54:00:12:34:56'/><model type='virtio'/></interface>"
                + "<graphics type='vnc'><listen type='socket'/></graphics><video><model type='vga'/></video>"
                + "</devices></domain>";
    }
}
