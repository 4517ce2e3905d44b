package org.bulkhead.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.domain.NewDisk;
import org.bulkhead.model.domain.NewDomain;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console on a real guest: GRUB's rescue ISO under TCG on the real libvirtd, defined with the
 * wizard's own XML (VNC on a UNIX socket only), opened from the main window with Ctrl+O, drawn
 * headless on Monocle and typed into through the robot's keyboard.
 */
@Tag("real-libvirt")
class RealConsoleTest {

    static final Path GRUB_ISO = Path.of("/usr/lib/grub-rescue/grub-rescue-cdrom.iso");
    private static final long GUEST_PATIENCE_MILLIS = 60_000;

    @TempDir
    Path dir;
    private final WindowDriver ui = new WindowDriver();
    private final String name = "bh-console-test-" + UUID.randomUUID().toString().substring(0, 8);
    private String uri;
    private HypervisorConnection control;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void startGuest() {
        uri = System.getProperty("bulkhead.libvirt.uri", "");
        Assumptions.assumeFalse(uri.isBlank(), "bulkhead.libvirt.uri is not set: no real libvirtd");
        Assumptions.assumeTrue(Files.isReadable(GRUB_ISO), GRUB_ISO + " is missing: apt-get install grub-rescue-pc");
        control = new LibvirtHypervisor().open(uri);
        String xml = DomainXml.write(NewDomain.builder(name).virtType("qemu").memoryMiB(128)
                // The packaged ISO stays root's: QEMU only reads it, nothing chowns it.
                .disk(NewDisk.cdrom(GRUB_ISO.toString(), "sda").leftAloneBy("dac"))
                .build());
        DomainRecord domain = control.define(xml);
        created.add(domain.uuid());
        control.start(domain.uuid());
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (ui.window() != null) {
                ui.close();
            }
        } finally {
            List<String> problems = new ArrayList<>();
            for (String uuid : created) {
                try {
                    Optional<DomainRecord> domain = control.domain(uuid);
                    if (domain.isPresent() && domain.get().state().isActive()) {
                        control.destroy(uuid);
                    }
                    if (domain.isPresent()) {
                        control.undefine(uuid, false);
                    }
                } catch (HypervisorException e) {
                    problems.add(e.userMessage());
                }
            }
            if (control != null) {
                control.close();
            }
            assertTrue(problems.isEmpty(), "clean-up left domains behind: " + problems);
        }
    }

    @Test
    void theConsoleShowsGrubAndWhatIsTypedAtItsPrompt() throws Exception {
        openConsole();
        awaitGuest("the console draws a screen that is not blank", () -> distinctColours(snapshot()) > 1);
        awaitGuest("GRUB's menu is drawn (a stable screen with text)", this::stableWithText);
        assertTrue(ui.onFx(() -> statusText().contains("no network port")), ui.onFx(this::statusText));
        String title = ui.onFx(() -> consoleStage().getTitle());
        assertTrue(title.contains(name) && title.contains("Console"), title);
        assertTrue(ui.onFx(() -> WindowDriver.texts(ui.lookup(".console-compartment").query())).contains(name));

        grabAndType(KeyCode.C);
        awaitGuest("GRUB's command line replaces the menu", this::stableWithText);
        int[][] before = snapshot();
        int promptRow = lastTextRow(before);

        grabAndType(KeyCode.E, KeyCode.C, KeyCode.H, KeyCode.O);
        awaitGuest("the typed text appears on the prompt's line", () -> changedRows(before, snapshot(), promptRow));
    }

    @Test
    void theConsoleSurvivesAGuestRebootAndReconnectsAfterARestart() throws Exception {
        openConsole();
        awaitGuest("GRUB's menu is drawn", () -> distinctColours(snapshot()) > 1 && stableWithText());
        grabAndType(KeyCode.C);
        int[][] commandLine = awaitSnapshot();
        int promptRow = lastTextRow(commandLine);

        // The guest reboots itself; QEMU and its VNC server stay, and so does the console.
        grabAndType(KeyCode.R, KeyCode.E, KeyCode.B, KeyCode.O, KeyCode.O, KeyCode.T, KeyCode.ENTER);
        awaitGuest("the guest resets: the command line is gone", () -> lastTextRow(snapshot()) != promptRow);
        awaitGuest("the screen comes back to GRUB's menu", () -> stableWithText() && lastTextRow(snapshot()) > promptRow);
        assertEquals("CONNECTED", ui.onFx(() -> phaseText()));
        grabAndType(KeyCode.C);
        int[][] prompt = awaitSnapshot();
        grabAndType(KeyCode.L, KeyCode.S);
        awaitGuest("typing still reaches the rebooted guest", () -> changedRows(prompt, snapshot(), lastTextRow(prompt)));

        // A restart is a new QEMU with a new VNC server: the console says so and comes back by itself.
        control.destroy(created.get(0));
        awaitGuest("the console says the VM is off", () -> overlayText().contains("shut off"));
        control.start(created.get(0));
        awaitGuest("the console reconnects to the new QEMU and draws again",
                () -> phaseText().equals("CONNECTED") && distinctColours(snapshot()) > 1);
    }

    // ---- helpers ----

    private void openConsole() throws Exception {
        ui.open(dir, uri);
        ui.select(name);
        ui.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        ui.await("the console window opens", () -> WindowDriver.consoleWindow().isPresent());
        awaitGuest("the console connects", () -> phaseText().equals("CONNECTED"));
    }

    private void grabAndType(KeyCode... keys) {
        Node holder = ui.onFx(() -> inConsole(".console-holder"));
        ui.clickOn(holder);
        ui.await("the keyboard is grabbed", () -> grabHint().contains("Ctrl+Alt releases"));
        for (KeyCode key : keys) {
            ui.type(key);
        }
    }

    private void awaitGuest(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + GUEST_PATIENCE_MILLIS;
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
        throw new AssertionError("waited " + GUEST_PATIENCE_MILLIS / 1000 + " s for: " + what + "; the console says: "
                + ui.onFx(this::overlayText) + " / " + ui.onFx(this::statusText));
    }

    private int[][] awaitSnapshot() throws Exception {
        awaitGuest("a stable screen", this::stableWithText);
        return ui.onFx(this::snapshot);
    }

    private int[][] last;

    /** True when the screen has text on it and did not change since the last look. */
    private boolean stableWithText() {
        int[][] now = snapshot();
        boolean stable = last != null && java.util.Arrays.deepEquals(last, now) && lastTextRow(now) >= 0
                && distinctColours(now) > 1;
        last = now;
        return stable;
    }

    private Stage consoleStage() {
        return WindowDriver.consoleWindow().orElseThrow(() -> new AssertionError("no console window"));
    }

    private Node inConsole(String selector) {
        return consoleStage().getScene().getRoot().lookup(selector);
    }

    private String statusText() {
        return ((Label) inConsole(".console-status")).getText();
    }

    private String overlayText() {
        return ((Label) inConsole(".console-overlay")).getText();
    }

    private String grabHint() {
        return ((Label) inConsole(".console-grab-hint")).getText();
    }

    private String phaseText() {
        Node overlay = inConsole(".console-overlay");
        Node screen = inConsole(".console-screen");
        return screen.isVisible() && !overlay.isVisible() ? "CONNECTED" : "NOT CONNECTED: " + overlayText();
    }

    /** The guest's screen as the image shows it, row after row; empty before the first frame. */
    private int[][] snapshot() {
        Image image = ((ImageView) inConsole(".console-screen")).getImage();
        if (image == null) {
            return new int[0][0];
        }
        PixelReader reader = image.getPixelReader();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[][] pixels = new int[height][width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y][x] = reader.getArgb(x, y);
            }
        }
        return pixels;
    }

    private static int distinctColours(int[][] pixels) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int[] row : pixels) {
            for (int pixel : row) {
                colours.add(pixel);
                if (colours.size() > 1) {
                    return colours.size();
                }
            }
        }
        return colours.size();
    }

    /** The lowest row that is not all background (the colour of the top-left pixel): the prompt's line. */
    private static int lastTextRow(int[][] pixels) {
        if (pixels.length == 0) {
            return -1;
        }
        int background = pixels[0][0];
        for (int y = pixels.length - 1; y >= 0; y--) {
            for (int pixel : pixels[y]) {
                if (pixel != background) {
                    return y;
                }
            }
        }
        return -1;
    }

    /** Whether {@code after} differs from {@code before} within a text line (16 px) around {@code row}. */
    private static boolean changedRows(int[][] before, int[][] after, int row) {
        if (before.length != after.length || row < 0) {
            return false;
        }
        for (int y = Math.max(0, row - 16); y <= Math.min(after.length - 1, row + 16); y++) {
            if (!java.util.Arrays.equals(before[y], after[y])) {
                return true;
            }
        }
        return false;
    }
}
