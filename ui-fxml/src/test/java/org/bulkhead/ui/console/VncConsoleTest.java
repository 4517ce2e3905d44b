package org.bulkhead.ui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * The console's VNC session on the real library against a scripted server: every pixel of
 * every update arrives where the guest put it, whatever the encoding and however the bytes are
 * split on the way, and the messages after a large update are read from where it ended.
 */
class VncConsoleTest {

    private static final int WIDTH = 160;
    private static final int HEIGHT = 120;
    private static final int HEXTILE = 5;

    /** What the guest's screen holds, to compare with what the console decoded. */
    private final int[] guest = new int[WIDTH * HEIGHT];

    @Test
    void rawAndHextileUpdatesLandPixelForPixelAndInOrder() throws Exception {
        byte[] first = rawRectangle(0, 0, WIDTH, HEIGHT, (x, y) -> rgb(x * 3, y * 5, x ^ y)).bytes();

        Message second = new Message();
        second.out.writeByte(2); // a bell just before the update: the next message starts mid-read
        second.header(2);
        second.rectangle(16, 16, 48, 32, HEXTILE);
        second.out.writeByte(0x02); // tile (16,16): background only
        second.pixel(rgb(255, 0, 0));
        second.out.writeByte(0x00); // tile (32,16): nothing specified, the last background again
        second.out.writeByte(0x01); // tile (48,16): raw
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                second.pixel(rgb(x * 16, y * 16, 200));
            }
        }
        second.out.writeByte(0x02 | 0x04 | 0x08); // tile (16,32): background, foreground, two subrectangles
        second.pixel(rgb(0, 0, 255));
        second.pixel(rgb(255, 255, 255));
        second.out.writeByte(2);
        second.subrectangle(0, 0, 4, 2);
        second.subrectangle(8, 8, 8, 8);
        second.out.writeByte(0x08 | 0x10); // tile (32,32): last background, one coloured subrectangle
        second.out.writeByte(1);
        second.pixel(rgb(0, 200, 0));
        second.subrectangle(2, 3, 3, 1);
        second.out.writeByte(0x08); // tile (48,32): last background, one subrectangle in the last foreground
        second.out.writeByte(1);
        second.subrectangle(15, 15, 1, 1);
        second.raw(150, 110, 5, 3, (x, y) -> rgb(x * 40, y * 60, 7));

        fill(16, 16, 32, 16, rgb(255, 0, 0));
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                guest[(16 + y) * WIDTH + 48 + x] = rgb(x * 16, y * 16, 200);
            }
        }
        fill(16, 32, 48, 16, rgb(0, 0, 255));
        fill(16, 32, 4, 2, rgb(255, 255, 255));
        fill(24, 40, 8, 8, rgb(255, 255, 255));
        fill(34, 35, 3, 1, rgb(0, 200, 0));
        fill(63, 47, 1, 1, rgb(255, 255, 255));

        // The third update and a bell follow at once in the same answer, as queued messages do:
        // whatever read ahead for the second must hand them on, not swallow them.
        Message third = rawRectangle(0, 0, 1, 1, (x, y) -> rgb(0x12, 0x34, 0x56));
        third.out.writeByte(2);
        byte[] secondAndThird = concat(second.bytes(), third.bytes());

        ScreenDamage screen = new ScreenDamage(draw -> { });
        AtomicReference<String> ended = new AtomicReference<>();
        try (ScriptedRfbServer server = new ScriptedRfbServer(WIDTH, HEIGHT, List.of(first, secondAndThird))) {
            VncConsole console = new VncConsole(server.connect(), screen, ended::set);
            console.start();
            try {
                server.done().get(30, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (screen.frames() < 3 && ended.get() == null && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertNull(ended.get(), "the session ended early");
                assertEquals(3, screen.frames(), "updates decoded");
            } finally {
                console.stop();
            }
        }
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int want = guest[y * WIDTH + x];
                int got = screen.pixel(x, y);
                if (want != got) {
                    assertEquals(Integer.toHexString(want), Integer.toHexString(got), "pixel (" + x + ", " + y + ")");
                }
            }
        }
    }

    @FunctionalInterface
    private interface Colours {
        int at(int x, int y);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static int rgb(int red, int green, int blue) {
        return 0xff000000 | (red & 0xff) << 16 | (green & 0xff) << 8 | blue & 0xff;
    }

    private void fill(int x, int y, int width, int height, int colour) {
        for (int row = y; row < y + height; row++) {
            for (int column = x; column < x + width; column++) {
                guest[row * WIDTH + column] = colour;
            }
        }
    }

    private Message rawRectangle(int x, int y, int width, int height, Colours colours) throws IOException {
        Message message = new Message();
        message.header(1);
        message.raw(x, y, width, height, colours);
        return message;
    }

    /** One server message, built in the pixel format the library asks for. */
    private final class Message {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        void header(int rectangles) throws IOException {
            out.writeByte(0); // FramebufferUpdate
            out.writeByte(0);
            out.writeShort(rectangles);
        }

        void rectangle(int x, int y, int width, int height, int encoding) throws IOException {
            out.writeShort(x);
            out.writeShort(y);
            out.writeShort(width);
            out.writeShort(height);
            out.writeInt(encoding);
        }

        void raw(int x, int y, int width, int height, Colours colours) throws IOException {
            rectangle(x, y, width, height, 0);
            for (int row = 0; row < height; row++) {
                for (int column = 0; column < width; column++) {
                    int colour = colours.at(column, row);
                    pixel(colour);
                    guest[(y + row) * WIDTH + x + column] = colour;
                }
            }
        }

        /** The library asks for 32-bit big-endian pixels with blue, green, red in the top three bytes. */
        void pixel(int argb) throws IOException {
            out.writeByte(argb);
            out.writeByte(argb >> 8);
            out.writeByte(argb >> 16);
            out.writeByte(0);
        }

        void subrectangle(int x, int y, int width, int height) throws IOException {
            out.writeByte(x << 4 | y);
            out.writeByte((width - 1) << 4 | (height - 1));
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
