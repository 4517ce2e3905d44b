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
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.ledger.LedgerConfig;
import org.bulkhead.model.provision.LabelLedgers;
import org.bulkhead.model.provision.Preflight;
import org.bulkhead.model.provision.ProvisionOutcome;
import org.bulkhead.model.provision.VmCreation;
import org.bulkhead.model.provision.VmRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
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

    private final String prefix = "bh-holes-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Path> extraFiles = new ArrayList<>();
    private String uri;
    private HypervisorConnection check;
    private String pool;
    private Path poolDir;

    @BeforeEach
    void createPool() throws Exception {
        uri = System.getProperty("bulkhead.libvirt.uri", "");
        Assumptions.assumeFalse(uri.isBlank(), "bulkhead.libvirt.uri is not set: no real libvirtd to create on");
        check = new LibvirtHypervisor().open(uri);
        assertTrue(check.hostInfo().local(), "these tests read files and processes on this host");
        pool = prefix + "-pool";
        poolDir = Path.of("/var/lib/libvirt/images", pool);
        Shell created = Shell.run("virsh", "-c", uri, "pool-create-as", pool, "dir", "--target", poolDir.toString(),
                "--build");
        assertEquals(0, created.exit(), created.output());
        assertEquals(0, Shell.run("chmod", "0711", poolDir.toString()).exit());
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (check == null) {
            return;
        }
        try {
            for (DomainRecord domain : check.listDomains()) {
                if (domain.name().startsWith(prefix)) {
                    if (domain.state().isActive()) {
                        check.destroy(domain.uuid());
                    }
                    check.undefine(domain.uuid(), true);
                }
            }
        } finally {
            for (Path extra : extraFiles) {
                Files.deleteIfExists(extra);
            }
            Shell.run("virsh", "-c", uri, "pool-destroy", pool);
            Shell.run("rm", "-rf", poolDir.toString());
            check.close();
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
        List<String> args = new ArrayList<>(List.of("create", name, "--connect", uri, "--memory", "64", "--emulate",
                "--no-network", "--format", "json"));
        args.addAll(List.of(options));
        return new Run(line.execute(args.toArray(String[]::new)), out.toString(), err.toString());
    }

    private boolean defined(String name) {
        return check.listDomains().stream().anyMatch(d -> d.name().equals(name));
    }

    private static String owner(Path file) throws Exception {
        return Files.getAttribute(file, "unix:uid") + ":" + Files.getAttribute(file, "unix:gid") + " "
                + String.format("%04o", (Integer) Files.getAttribute(file, "unix:mode") & 07777);
    }

    private Path image(String name, int mode) throws Exception {
        Path image = poolDir.resolve(name);
        Shell made = Shell.run("qemu-img", "create", "-f", "qcow2", image.toString(), "64M");
        assertEquals(0, made.exit(), made.output());
        Files.setAttribute(image, "unix:mode", mode);
        return image;
    }

    @Test
    void aSystemFileIsRefusedBeforeAnythingIsDefinedAndKeepsItsOwner() throws Exception {
        Path shadow = Path.of("/etc/shadow");
        String before = owner(shadow);
        Run run = create(prefix + "-shadow", "--iso", shadow.toString(), "--pool", pool, "--disk-size", "1", "--yes");

        assertEquals(3, run.exit(), run.err() + run.out());
        assertTrue(run.err().contains("/etc/shadow is a system file"), run.err());
        assertFalse(defined(prefix + "-shadow"), "nothing is defined");
        assertEquals(before, owner(shadow));
        try (var left = Files.list(poolDir)) {
            assertEquals(List.of(), left.toList(), "no volume was created");
        }
    }

    @Test
    void aSymbolicLinkToAnotherVmsImageIsRefusedAndThatImageKeepsItsOwner() throws Exception {
        Run first = create(prefix + "-a", "--pxe", "--pool", pool, "--disk-size", "1", "--no-start", "--yes");
        assertEquals(0, first.exit(), first.err());
        DomainRecord a = check.listDomains().stream().filter(d -> d.name().equals(prefix + "-a")).findFirst()
                .orElseThrow();
        Path aImage = Path.of(DomainXml.parse(a.xml()).disks().get(0).path().orElseThrow());
        String before = owner(aImage);

        Path fileLink = poolDir.resolve("link.qcow2");
        Files.createSymbolicLink(fileLink, aImage);
        Run viaFile = create(prefix + "-b", "--import", fileLink.toString(), "--no-disk", "--yes");
        assertEquals(3, viaFile.exit(), viaFile.err() + viaFile.out());
        assertTrue(viaFile.err().contains("'" + prefix + "-a'"), viaFile.err());

        Path dirLink = Path.of("/var/lib/libvirt/images", prefix + "-dirlink");
        extraFiles.add(dirLink);
        Files.createSymbolicLink(dirLink, poolDir);
        Run viaFolder = create(prefix + "-c", "--import", dirLink.resolve(aImage.getFileName()).toString(),
                "--no-disk", "--yes");
        assertEquals(3, viaFolder.exit(), viaFolder.err() + viaFolder.out());
        assertTrue(viaFolder.err().contains("'" + prefix + "-a'"), viaFolder.err());

        assertFalse(defined(prefix + "-b") || defined(prefix + "-c"), "nothing is defined");
        assertEquals(before, owner(aImage), "the other VM's image was not handed over");
    }

    @Test
    void anImportedImageOthersCouldReadIsPrivateWhileItsVmRunsAndVerifiedSo() throws Exception {
        Path image = image("shared-looking.qcow2", 0644);
        Run run = create(prefix + "-imp", "--import", image.toString(), "--no-disk", "--yes");
        assertEquals(0, run.exit(), run.err());
        JsonNode root = run.json();
        assertEquals("verified", root.path("verification").path("verdict").asText(), root.toString());

        DomainRecord vm = check.listDomains().stream().filter(d -> d.name().equals(prefix + "-imp")).findFirst()
                .orElseThrow();
        assertTrue(vm.state().isActive());
        int uid = (Integer) Files.getAttribute(Path.of("/proc", Long.toString(vm.pid().orElseThrow())), "unix:uid");
        assertEquals(uid + ":64055 0600", owner(image).replaceFirst(":\\d+ ", ":64055 "),
                "owned by the VM's UID, readable by nobody else");
        assertEquals(0600, (Integer) Files.getAttribute(image, "unix:mode") & 0777);
        Shell other = Shell.run("setpriv", "--reuid=" + (uid + 1), "--regid=64055", "--clear-groups", "head", "-c1",
                image.toString());
        assertNotEquals(0, other.exit(), "another isolated VM's UID in the shared QEMU group cannot read it");
    }

    @Test
    void anIsoIsNeverChownedToTheVmAndStaysPublicAfterItStops() throws Exception {
        Path iso = poolDir.resolve("installer.iso");
        Files.write(iso, new byte[1 << 20]);
        Files.setAttribute(iso, "unix:mode", 0644);
        String before = owner(iso);
        Run run = create(prefix + "-iso", "--iso", iso.toString(), "--pool", pool, "--disk-size", "1", "--yes");
        assertEquals(0, run.exit(), run.err());
        assertEquals("verified", run.json().path("verification").path("verdict").asText(), run.out());
        assertEquals(before, owner(iso), "while the VM runs");

        DomainRecord vm = check.listDomains().stream().filter(d -> d.name().equals(prefix + "-iso")).findFirst()
                .orElseThrow();
        check.destroy(vm.uuid());
        assertEquals(before, owner(iso), "after it stops");
    }

    @Test
    void aNameLibvirtEscapesInItsStateFilesIsStillVerifiedByItsProcess() throws Exception {
        String name = prefix + "-a'><x &b";
        Run run = create(name, "--pxe", "--pool", pool, "--disk-size", "1", "--yes");
        assertEquals(0, run.exit(), run.err());
        JsonNode verification = run.json().path("verification");
        assertEquals("verified", verification.path("verdict").asText(), verification.toString());
        assertTrue(verification.toString().contains("QEMU process"), verification.toString());
    }

    @Test
    void twoDomainsWithOneLabelAreBothFlaggedByTheReport() throws Exception {
        Run first = create(prefix + "-one", "--pxe", "--pool", pool, "--disk-size", "1", "--yes");
        assertEquals(0, first.exit(), first.err());
        String label = first.json().path("isolation").path("label").asText();
        Path xml = poolDir.resolve("copy.xml");
        Files.writeString(xml, "<domain type='qemu'><name>" + prefix + "-copy</name><memory unit='MiB'>64</memory>"
                + "<os><type arch='x86_64'>hvm</type></os><seclabel type='static' model='dac' relabel='yes'><label>"
                + label + "</label></seclabel></domain>");
        assertEquals(0, Shell.run("virsh", "-c", uri, "define", xml.toString()).exit());

        StringWriter out = new StringWriter();
        CommandLine line = Main.commandLine(Wiring::real);
        line.setOut(new PrintWriter(out));
        assertEquals(0, line.execute("report", "--connect", uri, "--format", "json"));
        JsonNode report = new ObjectMapper().readTree(out.toString());
        int flagged = 0;
        for (JsonNode domain : report.path("domains")) {
            if (domain.path("name").asText().startsWith(prefix)) {
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
        Hypervisor racing = target -> {
            HypervisorConnection connection = real.hypervisor().open(target);
            boolean[] raced = {false};
            return (HypervisorConnection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HypervisorConnection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("define") && !raced[0]) {
                            raced[0] = true; // the other process finishes between this one's last check and its define
                            early.set(finish(first, prefix + "-early"));
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };

        ProvisionOutcome late = finish(ports(real, racing, uid), prefix + "-late");

        assertTrue(early.get().succeeded(), early.get().failure().toString());
        assertEquals("verified", early.get().verification().orElseThrow().verdict().name().toLowerCase(),
                early.get().verification().toString());
        assertFalse(late.succeeded(), "the second VM with the same label must not be kept");
        assertTrue(late.failure().orElseThrow().contains("'" + prefix + "-early'"), late.failure().toString());
        assertFalse(defined(prefix + "-late"), "rolled back: " + late.rollback());
        assertTrue(defined(prefix + "-early"));
    }

    private static VmCreation.Ports ports(VmCreation.Ports real, Hypervisor hypervisor, int uid) {
        return new VmCreation.Ports(hypervisor, real.hostProbe(), real.snapshots(), real.hostSecurity(),
                real.hostFiles(), new LabelLedgers(() -> LedgerConfig.defaults().withUids(uid, uid)));
    }

    private ProvisionOutcome finish(VmCreation.Ports ports, String name) {
        try (VmCreation creation = VmCreation.open(ports, uri)) {
            VmRequest request = new VmRequest(name, "qemu", new VmRequest.InstallSource.NetworkBoot(),
                    new VmRequest.Storage.NewVolume(pool, 1L << 30), 64, 1, Optional.empty(), true, false, true);
            VmCreation.Summary summary = creation.draft(request, () -> { }, path -> { });
            assertTrue(Preflight.allowsFinish(summary.findings()), summary.findings().toString());
            return creation.finish(summary.draft(), (step, state, detail) -> { });
        }
    }
}
