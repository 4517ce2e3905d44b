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
 * Prints one Markdown table row per band height: updates/s received, redraws/s, and the CPU
 * the console used, in cores.
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
        System.out.println("| Changed per update | Updates/s | Redraws/s | Console CPU (cores) | Whole process CPU (cores) |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int band : new int[] {HEIGHT, 256, 32}) {
            run(band, seconds);
        }
        Platform.exit();
        System.exit(0);
    }

    private static void run(int band, int seconds) throws Exception {
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
        try (ScriptedVncServer server = new ScriptedVncServer(WIDTH, HEIGHT, band)) {
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
            console.stop();
            double secs = elapsed / 1e9;
            System.out.println(String.format(Locale.ROOT, "| %d x %d px (%s) | %.1f | %.1f | %.2f | %.2f |", WIDTH, band,
                    band == HEIGHT ? "the whole screen" : Math.round(100.0 * band / HEIGHT) + "%",
                    frames / secs, draws / secs, (cpu - serverCpu) / (double) elapsed, cpu / (double) elapsed));
        }
        Platform.runLater(() -> stage.join().close());
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
