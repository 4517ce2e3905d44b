package org.bulkhead.bench.console;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;

import org.bulkhead.bench.Fx;
import org.bulkhead.model.hypervisor.ConsoleStream;
import org.bulkhead.ui.console.ScreenDamage;
import org.bulkhead.ui.console.ScreenImage;
import org.bulkhead.ui.console.VncConsole;

/**
 * The console's software pipeline at 1024x768: the real {@link VncConsole} (vernacular) decoding,
 * {@link ScreenDamage} finding what changed, {@link ScreenImage} writing it into a PixelBuffer
 * on the FX thread, and JavaFX rendering the window (run it with {@code -Dprism.order=sw} on
 * Xvfb). The guest is {@link ScriptedVncServer} on loopback; its thread's CPU time is taken out.
 * Prints one Markdown table row per case: updates/s received, redraws/s, the CPU the console
 * used (in cores), and whether the console's screen matched the guest's when the guest stopped.
 *
 * <p>Usage: {@code ConsoleThroughput [seconds per case]}
 */
public final class ConsoleThroughput {

    private static final int WIDTH = 1024;
    private static final int HEIGHT = 768;

    private ConsoleThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await(60, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        System.out.println("| The guest's update | Encoding | Updates/s | Redraws/s | Console CPU (cores) | Console CPU per update | Whole process CPU (cores) | Screen after the run |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---|");
        for (int band : new int[] {HEIGHT, 256, 32}) {
            String what = WIDTH + " x " + band + " px of new pixels ("
                    + (band == HEIGHT ? "the whole screen" : Math.round(100.0 * band / HEIGHT) + "%") + ")";
            run(what, "raw", new RawBands(WIDTH, HEIGHT, band), seconds);
        }
        ScrollingText text = new ScrollingText(WIDTH, HEIGHT);
        run("the whole screen of text, scrolled a line", String.format(Locale.ROOT, "hextile (%d KiB)",
                text.bytesPerUpdate() / 1024), text, seconds);
        Platform.exit();
        System.exit(0);
    }

    private static void run(String what, String encoding, ScriptedVncServer.Guest guest, int seconds) throws Exception {
        ScreenDamage damage = new ScreenDamage(Platform::runLater);
        CompletableFuture<ScreenImage> image = new CompletableFuture<>();
        CompletableFuture<Stage> stage = new CompletableFuture<>();
        Platform.runLater(() -> {
            ImageView view = new ImageView();
            image.complete(new ScreenImage(view, damage, () -> { }));
            Stage window = new Stage();
            window.setScene(new Scene(new Group(view), WIDTH, HEIGHT));
            window.show();
            stage.complete(window);
        });
        ScreenImage screen = image.get(30, TimeUnit.SECONDS);
        try (ScriptedVncServer server = new ScriptedVncServer(WIDTH, HEIGHT, guest)) {
            server.start();
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
            socket.setTcpNoDelay(true);
            VncConsole console = new VncConsole(stream(socket), damage, why -> { });
            console.start();
            Thread.sleep(2_000); // warm up: JIT, first full frame
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long frames0 = damage.frames();
            long draws0 = Fx.call(screen::draws);
            long cpu0 = os.getProcessCpuTime();
            long server0 = threads.getThreadCpuTime(server.threadId());
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1_000L);
            long elapsed = System.nanoTime() - t0;
            long cpu = os.getProcessCpuTime() - cpu0;
            long serverCpu = threads.getThreadCpuTime(server.threadId()) - server0;
            long frames = damage.frames() - frames0;
            long draws = Fx.call(screen::draws) - draws0;
            String screenCheck = check(server, damage);
            console.stop();
            double secs = elapsed / 1e9;
            long consoleCpu = cpu - serverCpu;
            System.out.println(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.2f | %.1f ms | %.2f | %s |", what, encoding,
                    frames / secs, draws / secs, consoleCpu / (double) elapsed, frames == 0 ? 0 : consoleCpu / 1e6 / frames,
                    cpu / (double) elapsed, screenCheck));
        }
        Platform.runLater(() -> stage.join().close());
    }

    /** Stops the guest and compares what the console decoded with the screen the guest drew. */
    private static String check(ScriptedVncServer server, ScreenDamage damage) throws InterruptedException {
        if (!server.pause(10, TimeUnit.SECONDS)) {
            return "not checked: the guest did not stop";
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (damage.frames() < server.sent() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        if (damage.frames() != server.sent()) {
            return "not checked: " + damage.frames() + " of " + server.sent() + " updates decoded";
        }
        int[] screen = server.screen();
        int differ = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (damage.pixel(x, y) != screen[y * WIDTH + x]) {
                    differ++;
                }
            }
        }
        return differ == 0 ? "same as the guest's, every pixel" : "WRONG: " + differ + " pixels differ from the guest's";
    }

    private static ConsoleStream stream(Socket socket) throws java.io.IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        return new ConsoleStream() {
            @Override
            public InputStream input() {
                return in;
            }

            @Override
            public OutputStream output() {
                return out;
            }

            @Override
            public String route() {
                return "loopback (benchmark)";
            }

            @Override
            public void close() {
                try {
                    socket.close();
                } catch (java.io.IOException e) {
                    // already closed by the server
                }
            }
        };
    }
}
