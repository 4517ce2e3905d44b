package org.bulkhead.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;

import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.NewDisk;
import org.bulkhead.model.domain.NewDomain;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.VolumeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Run disposable" in the window on a real libvirtd: the console of a fresh disposable VM of a
 * shut-off template opens at once and shows the guest; closing it destroys the VM and deletes its
 * overlay, and the template is as it was.
 */
@Tag("real-libvirt")
class RealDisposableWindowTest {

    @TempDir
    Path dir;
    private final WindowDriver ui = new WindowDriver();
    private final String prefix = "bh-dispwin-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path poolDir = Path.of("/var/lib/libvirt/images", prefix);
    private String uri;
    private HypervisorConnection control;
    private DomainRecord template;

    @BeforeEach
    void defineTemplate() {
        uri = System.getProperty("bulkhead.libvirt.uri", "");
        Assumptions.assumeFalse(uri.isBlank(), "bulkhead.libvirt.uri is not set: no real libvirtd");
        Assumptions.assumeTrue(Files.isReadable(RealConsoleTest.GRUB_ISO), "apt-get install grub-rescue-pc");
        control = new LibvirtHypervisor().open(uri);
        control.createDirPool(prefix, poolDir.toString());
        var image = control.createVolume(new VolumeRequest(prefix, "template.qcow2", 16L << 20, "qcow2", 0600));
        template = control.define(DomainXml.write(NewDomain.builder(prefix + "-template").virtType("qemu").memoryMiB(128)
                .disk(NewDisk.cdrom(RealConsoleTest.GRUB_ISO.toString(), "sda").leftAloneBy("dac"))
                .disk(NewDisk.disk(image.path(), "qcow2", "vda"))
                .build()));
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (ui.window() != null) {
                ui.close();
            }
        } finally {
            control.undefine(template.uuid(), true);
            control.removePool(prefix);
            try (Stream<Path> files = Files.list(poolDir)) {
                assertEquals(List.of(), files.toList(), "nothing is left in the pool");
            }
            Files.delete(poolDir);
            control.close();
        }
    }

    @Test
    void aDisposableOpensOnItsConsoleAndLeavesNothingWhenTheConsoleCloses() throws Exception {
        ui.open(dir, uri);
        ui.select(template.name());
        ui.onFx(() -> {
            runDisposableItem().fire();
            return null;
        });
        ui.await("the console of a disposable opens", () -> consoleTitle().contains(template.name() + "-disposable-"));
        String name = ui.onFx(this::consoleTitle).replaceAll(".*(" + template.name() + "-disposable-[0-9a-f]{8}).*", "$1");
        DomainRecord running = control.listDomains().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no domain " + name));
        assertTrue(running.state().isActive(), name + " runs");
        Path overlay = poolDir.resolve(name + ".qcow2");
        assertTrue(Files.exists(overlay), "its overlay " + overlay + " exists");
        awaitLong("the guest's screen is drawn", () -> screenDrawn());
        assertTrue(ui.onFx(() -> WindowDriver.texts(console().getScene().getRoot().lookup(".console-compartment")))
                .contains("isolated"), "the console shows the disposable's trust marker");

        ui.onFx(() -> {
            console().close();
            return null;
        });

        awaitLong("the disposable VM is gone", () -> control.listDomains().stream().noneMatch(d -> d.name().equals(name)));
        awaitLong("its overlay is deleted", () -> !Files.exists(overlay));
        assertEquals(0, (Integer) Files.getAttribute(poolDir.resolve("template.qcow2"), "unix:uid"),
                "the template is not left to the disposable's user");
        assertTrue(ui.onFx(() -> ui.dialogTexts().isEmpty()), "no error: " + ui.onFx(ui::dialogTexts));
    }

    private MenuItem runDisposableItem() {
        MenuBar bar = ui.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().map(Menu::getItems).flatMap(List::stream)
                .filter(item -> "Run disposable".equals(item.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no Run disposable menu item"));
    }

    private Stage console() {
        return WindowDriver.consoleWindow().orElse(null);
    }

    private String consoleTitle() {
        Stage stage = console();
        return stage == null ? "" : stage.getTitle();
    }

    private boolean screenDrawn() {
        Stage stage = console();
        if (stage == null) {
            return false;
        }
        var image = ((ImageView) stage.getScene().getRoot().lookup(".console-screen")).getImage();
        if (image == null) {
            return false;
        }
        var reader = image.getPixelReader();
        int first = reader.getArgb(0, 0);
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                if (reader.getArgb(x, y) != first) {
                    return true;
                }
            }
        }
        return false;
    }

    private void awaitLong(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (Boolean.TRUE.equals(ui.onFx(() -> {
                try {
                    return condition.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("waited 60 s for: " + what + "; dialogs: " + ui.onFx(ui::dialogTexts));
    }
}
