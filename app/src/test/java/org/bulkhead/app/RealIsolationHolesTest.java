package org.bulkhead.app;

import org.bulkhead.app.wiring.Wiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.ledger.LedgerConfig;
import org.bulkhead.model.provision.LabelLedgers;
import org.bulkhead.model.provision.Preflight;
import org.bulkhead.model.provision.ProvisionOutcome;
import org.bulkhead.model.provision.VmCreation;
import org.bulkhead.model.provision.VmRequest;
import org.bulkhead.model.testing.Commands;
import org.bulkhead.model.testing.ScriptedHypervisor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The ways a careless or hostile user could make Bulkhead call a VM isolated when it is not,
 * each tried through {@code bulkhead create} on the real libvirtd of this DAC-only host: a host
 * file handed to a VM, a symbolic link to another VM's image, an image others may read, a
 * chowned ISO, a name libvirt spells differently in its state files, and one label on two VMs.
 */
@Tag("real-libvirt")
class RealIsolationHolesTest {


    private RealPool pool;
    private final List<Path> extraFiles = new ArrayList<>();

    @BeforeEach
    void createPool() throws Exception {
        pool = RealPool.create("holes").withFilesOfItsOwn();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (pool != null) {
            for (Path extra : extraFiles) {
                Files.deleteIfExists(extra);
            }
            pool.close();
        }
    }

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private Run create(String name, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine(Wiring::real);
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of("create", name, "--connect", pool.uri, "--memory", "64", "--emulate",
                "--no-network", "--format", "json"));
        args.addAll(List.of(options));
        return new Run(line.execute(args.toArray(String[]::new)), out.toString(), err.toString());
    }

    private boolean defined(String name) {
        return pool.check.listDomains().stream().anyMatch(d -> d.name().equals(name));
    }

    private static String owner(Path file) throws Exception {
        return Files.getAttribute(file, "unix:uid") + ":" + Files.getAttribute(file, "unix:gid") + " "
                + String.format("%04o", (Integer) Files.getAttribute(file, "unix:mode") & 07777);
    }

    private Path image(String name, int mode) throws Exception {
        Path image = pool.dir.resolve(name);
        Commands.Result made = Commands.run("qemu-img", "create", "-f", "qcow2", image.toString(), "64M");
        assertEquals(0, made.exitCode(), made.output());
        Files.setAttribute(image, "unix:mode", mode);
        return image;
    }

    @Test
    void aSystemFileIsRefusedBeforeAnythingIsDefinedAndKeepsItsOwner() throws Exception {
        Path shadow = Path.of("/etc/shadow");
        String before = owner(shadow);
        Run run = create(pool.prefix + "-shadow", "--iso", shadow.toString(), "--pool", pool.name, "--disk-size", "1", "--yes");

        assertEquals(3, run.exit(), run.err() + run.out());
        assertTrue(run.err().contains("/etc/shadow is a system file"), run.err());
        assertFalse(defined(pool.prefix + "-shadow"), "nothing is defined");
        assertEquals(before, owner(shadow));
        try (var left = Files.list(pool.dir)) {
            assertEquals(List.of(), left.toList(), "no volume was created");
        }
    }

    @Test
    void aSymbolicLinkToAnotherVmsImageIsRefusedAndThatImageKeepsItsOwner() throws Exception {
        Run first = create(pool.prefix + "-a", "--pxe", "--pool", pool.name, "--disk-size", "1", "--no-start", "--yes");
        assertEquals(0, first.exit(), first.err());
        DomainRecord a = pool.check.listDomains().stream().filter(d -> d.name().equals(pool.prefix + "-a")).findFirst()
                .orElseThrow();
        Path aImage = Path.of(DomainXml.parse(a.xml()).disks().get(0).path().orElseThrow());
        String before = owner(aImage);

        Path fileLink = pool.dir.resolve("link.qcow2");
        Files.createSymbolicLink(fileLink, aImage);
        Run viaFile = create(pool.prefix + "-b", "--import", fileLink.toString(), "--no-disk", "--yes");
        assertEquals(3, viaFile.exit(), viaFile.err() + viaFile.out());
        assertTrue(viaFile.err().contains("'" + pool.prefix + "-a'"), viaFile.err());

        Path dirLink = Path.of("/var/lib/libvirt/images", pool.prefix + "-dirlink");
        extraFiles.add(dirLink);
        Files.createSymbolicLink(dirLink, pool.dir);
        Run viaFolder = create(pool.prefix + "-c", "--import", dirLink.resolve(aImage.getFileName()).toString(),
                "--no-disk", "--yes");
        assertEquals(3, viaFolder.exit(), viaFolder.err() + viaFolder.out());
        assertTrue(viaFolder.err().contains("'" + pool.prefix + "-a'"), viaFolder.err());

        assertFalse(defined(pool.prefix + "-b") || defined(pool.prefix + "-c"), "nothing is defined");
        assertEquals(before, owner(aImage), "the other VM's image was not handed over");
    }

    @Test
    void anImportedImageOthersCouldReadIsPrivateWhileItsVmRunsAndVerifiedSo() throws Exception {
        Path image = image("shared-looking.qcow2", 0644);
        Run run = create(pool.prefix + "-imp", "--import", image.toString(), "--no-disk", "--yes");
        assertEquals(0, run.exit(), run.err());
        JsonNode root = run.json();
        assertEquals("verified", root.path("verification").path("verdict").asText(), root.toString());

        DomainRecord vm = pool.check.listDomains().stream().filter(d -> d.name().equals(pool.prefix + "-imp")).findFirst()
                .orElseThrow();
        assertTrue(vm.state().isActive());
        int uid = (Integer) Files.getAttribute(Path.of("/proc", Long.toString(vm.pid().orElseThrow())), "unix:uid");
        assertEquals(uid + ":64055 0600", owner(image).replaceFirst(":\\d+ ", ":64055 "),
                "owned by the VM's UID, readable by nobody else");
        assertEquals(0600, (Integer) Files.getAttribute(image, "unix:mode") & 0777);
        Commands.Result other = Commands.run("setpriv", "--reuid=" + (uid + 1), "--regid=64055", "--clear-groups", "head", "-c1",
                image.toString());
        assertNotEquals(0, other.exitCode(), "another isolated VM's UID in the shared QEMU group cannot read it");
    }

    @Test
    void anIsoIsNeverChownedToTheVmAndStaysPublicAfterItStops() throws Exception {
        Path iso = pool.dir.resolve("installer.iso");
        Files.write(iso, new byte[1 << 20]);
        Files.setAttribute(iso, "unix:mode", 0644);
        String before = owner(iso);
        Run run = create(pool.prefix + "-iso", "--iso", iso.toString(), "--pool", pool.name, "--disk-size", "1", "--yes");
        assertEquals(0, run.exit(), run.err());
        assertEquals("verified", run.json().path("verification").path("verdict").asText(), run.out());
        assertEquals(before, owner(iso), "while the VM runs");

        DomainRecord vm = pool.check.listDomains().stream().filter(d -> d.name().equals(pool.prefix + "-iso")).findFirst()
                .orElseThrow();
        pool.check.destroy(vm.uuid());
        assertEquals(before, owner(iso), "after it stops");
    }

    @Test
    void aNameLibvirtEscapesInItsStateFilesIsStillVerifiedByItsProcess() throws Exception {
        String name = pool.prefix + "-a'><x &b";
        Run run = create(name, "--pxe", "--pool", pool.name, "--disk-size", "1", "--yes");
        assertEquals(0, run.exit(), run.err());
        JsonNode verification = run.json().path("verification");
        assertEquals("verified", verification.path("verdict").asText(), verification.toString());
        assertTrue(verification.toString().contains("QEMU process"), verification.toString());
    }

    @Test
    void twoDomainsWithOneLabelAreBothFlaggedByTheReport() throws Exception {
        Run first = create(pool.prefix + "-one", "--pxe", "--pool", pool.name, "--disk-size", "1", "--yes");
        assertEquals(0, first.exit(), first.err());
        String label = first.json().path("isolation").path("label").asText();
        Path xml = pool.dir.resolve("copy.xml");
        Files.writeString(xml, "<domain type='qemu'><name>" + pool.prefix + "-copy</name><memory unit='MiB'>64</memory>"
                + "<os><type arch='x86_64'>hvm</type></os><seclabel type='static' model='dac' relabel='yes'><label>"
                + label + "</label></seclabel></domain>");
        assertEquals(0, Commands.run("virsh", "-c", pool.uri, "define", xml.toString()).exitCode());

        StringWriter out = new StringWriter();
        CommandLine line = Main.commandLine(Wiring::real);
        line.setOut(new PrintWriter(out));
        assertEquals(0, line.execute("report", "--connect", pool.uri, "--format", "json"));
        JsonNode report = new ObjectMapper().readTree(out.toString());
        int flagged = 0;
        for (JsonNode domain : report.path("domains")) {
            if (domain.path("name").asText().startsWith(pool.prefix)) {
                assertEquals("weak", domain.path("trust").path("level").asText(), domain.toString());
                assertTrue(domain.path("trust").path("reason").asText().contains("Shares its label"), domain.toString());
                flagged++;
            }
        }
        assertEquals(2, flagged, report.toString());
    }

    @Test
    void twoProcessesGivingOneLabelAtOnceNeverKeepBothVms() throws Exception {
        // Two ledgers are two Bulkhead processes; a one-UID range makes them choose the same UID.
        int uid = 265_000 + new java.util.Random().nextInt(500);
        VmCreation.Ports real = Wiring.real().creationPorts();
        VmCreation.Ports first = ports(real, real.hypervisor(), uid);
        java.util.concurrent.atomic.AtomicReference<ProvisionOutcome> early = new java.util.concurrent.atomic.AtomicReference<>();
        // the other process finishes between this one's last check and its define
        Hypervisor racing = new ScriptedHypervisor(real.hypervisor())
                .beforeNext("define", () -> early.set(finish(first, pool.prefix + "-early")));

        ProvisionOutcome late = finish(ports(real, racing, uid), pool.prefix + "-late");

        assertTrue(early.get().succeeded(), early.get().failure().toString());
        assertEquals("verified", early.get().verification().orElseThrow().verdict().name().toLowerCase(),
                early.get().verification().toString());
        assertFalse(late.succeeded(), "the second VM with the same label must not be kept");
        assertTrue(late.failure().orElseThrow().contains("'" + pool.prefix + "-early'"), late.failure().toString());
        assertFalse(defined(pool.prefix + "-late"), "rolled back: " + late.rollback());
        assertTrue(defined(pool.prefix + "-early"));
    }

    private static VmCreation.Ports ports(VmCreation.Ports real, Hypervisor hypervisor, int uid) {
        return new VmCreation.Ports(hypervisor, real.hostProbe(), real.snapshots(), real.hostSecurity(),
                real.hostFiles(), new LabelLedgers(() -> LedgerConfig.defaults().withUids(uid, uid)));
    }

    private ProvisionOutcome finish(VmCreation.Ports ports, String name) {
        try (VmCreation creation = VmCreation.open(ports, pool.uri)) {
            VmRequest request = new VmRequest(name, "qemu", new VmRequest.InstallSource.NetworkBoot(),
                    new VmRequest.Storage.NewVolume(pool.name, 1L << 30), 64, 1, Optional.empty(), true, false, true);
            VmCreation.Summary summary = creation.draft(request, () -> { }, path -> { });
            assertTrue(Preflight.allowsFinish(summary.findings()), summary.findings().toString());
            return creation.finish(summary.draft(), (step, state, detail) -> { });
        }
    }
}
