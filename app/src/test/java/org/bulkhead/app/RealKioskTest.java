package org.bulkhead.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bulkhead.model.testing.Commands;
import org.bulkhead.app.wiring.Wiring;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.VolumeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The kiosk on a real libvirtd: {@code kiosk setup} checks the template and writes the profile;
 * {@code kiosk} (in a process of its own, as a login session runs it) shows the full-screen console
 * of a fresh disposable VM, and when the session ends (SIGTERM, as at logout) the VM and its
 * overlay are gone.
 */
@Tag("real-libvirt")
class RealKioskTest {

    @TempDir
    Path dir;

    private RealPool pool;
    private HypervisorConnection connection;
    private String template;

    @BeforeEach
    void setUp() throws Exception {
        pool = RealPool.create("kiosk");
        connection = Wiring.real().hypervisor().open(pool.uri);
        var image = connection.createVolume(new VolumeRequest(pool.name, "desk.qcow2", 16L << 20, "qcow2", 0600));
        template = pool.prefix + "-desk";
        connection.define(RealDisposableTest.templateXml(template, image.path()));
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            connection.close();
        } finally {
            pool.close();
        }
    }

    @Test
    void setupWritesTheProfileAndRefusesATemplateThatIsNotThere() throws Exception {
        Path profile = dir.resolve("kiosk.conf");
        Run missing = run("kiosk", "setup", "--connect", pool.uri, "--template", "no-such-vm", "--users", "guest",
                "--file", profile.toString(), "--polkit-rules", dir.resolve("kiosk.rules").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("there is no VM 'no-such-vm'"), missing.err());
        assertFalse(Files.exists(profile), "nothing is written for a bad template");

        Run written = run("kiosk", "setup", "--connect", pool.uri, "--template", template, "--users", "guest",
                "--groups", "kiosk", "--memory", "96", "--file", profile.toString(),
                "--polkit-rules", dir.resolve("kiosk.rules").toString(), "--libvirtd-conf", dir.resolve("none").toString());
        assertEquals(0, written.exitCode(), written.err());
        String text = Files.readString(profile);
        assertTrue(text.contains("template = " + template + "\n") && text.contains("users = guest\n")
                && text.contains("groups = kiosk\n") && text.contains("display = fullscreen\n")
                && text.contains("network = off\n") && text.contains("memory = 96\n"), text);
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(profile)), "every guest reads it, only root writes it");
        assertTrue(written.out().contains("shared read-only content"), written.out());
        String rules = Files.readString(dir.resolve("kiosk.rules"));
        assertTrue(rules.contains("var users = [\"guest\"];") && rules.contains("var groups = [\"kiosk\"];")
                && rules.contains("domain == \"" + template + "\""), rules);
        assertTrue(written.out().contains("NOT IN FORCE YET"), "a daemon without the access driver is named: " + written.out());

        Run notForRoot = run("kiosk", "--config", profile.toString());
        assertEquals(3, notForRoot.exitCode());
        assertTrue(notForRoot.err().contains("is not for the user 'root'"), notForRoot.err());
    }

    @Test
    void aSessionShowsTheConsoleFullScreenAndLeavesNothingWhenItEnds() throws Exception {
        Path profile = dir.resolve("kiosk.conf");
        assertEquals(0, run("kiosk", "setup", "--connect", pool.uri, "--template", template, "--users", "root",
                "--memory", "96", "--file", profile.toString(), "--polkit-rules", dir.resolve("kiosk.rules").toString())
                .exitCode());
        Path state = Files.createDirectory(dir.resolve("state"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "kiosk", "--config", profile.toString())
                .redirectErrorStream(true);
        builder.environment().put("XDG_STATE_HOME", state.toString());
        Process session = builder.start();
        List<String> lines = new ArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(session.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            awaitLine(lines, "connected (full screen).", session);
            String name = connection.listNames().stream().map(d -> d.name())
                    .filter(n -> n.startsWith("kiosk-root-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no disposable VM runs: " + lines));
            String xml = Commands.run("virsh", "-c", pool.uri, "dumpxml", name).output();
            assertFalse(xml.contains("<interface"), "the kiosk's network is off: " + xml);
            assertTrue(xml.contains("<seclabel type='static' model='dac' relabel='yes'>"), "isolated: " + xml);

            // SIGTERM, as a session's end sends (Process.destroy would also close the output we read).
            assertEquals(0, Commands.run("kill", "-TERM", Long.toString(session.pid())).exitCode());
            assertTrue(session.waitFor(60, TimeUnit.SECONDS), "the session ends");
            reader.get(10, TimeUnit.SECONDS);
            String all = String.join("\n", lines);
            assertTrue(all.contains("Nothing of '" + name + "' is left"), all);
            assertTrue(connection.listNames().stream().noneMatch(d -> d.name().equals(name)), "the VM is gone");
            try (var files = Files.list(pool.dir)) {
                assertEquals(List.of(pool.dir.resolve("desk.qcow2")), files.toList(), "its overlay is deleted");
            }
        } finally {
            session.destroyForcibly();
        }
    }

    private static void awaitLine(List<String> lines, String ending, Process session) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            synchronized (lines) {
                if (lines.stream().anyMatch(l -> l.endsWith(ending))) {
                    return;
                }
            }
            if (!session.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        synchronized (lines) {
            throw new AssertionError("the kiosk never said '" + ending + "': " + lines);
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine(Wiring::real);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
