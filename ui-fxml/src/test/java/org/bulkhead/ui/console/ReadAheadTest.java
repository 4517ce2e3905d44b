package org.bulkhead.ui.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReadAheadTest {

    /** A source that hands out at most {@code chunk} bytes per read, as a socket does, and records each read's size. */
    private static final class Trickle extends InputStream {
        private final byte[] data;
        private final int chunk;
        private final List<Integer> asked = new ArrayList<>();
        private int position;
        private boolean closed;

        Trickle(byte[] data, int chunk) {
            this.data = data;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            throw new AssertionError("the read-ahead must read its source in bulk, never byte by byte");
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
            asked.add(length);
            if (position == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(chunk, length), data.length - position);
            System.arraycopy(data, position, bytes, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return data.length - position;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static byte[] counting(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 7 + i / 256);
        }
        return data;
    }

    @Test
    void singleByteReadsReturnEveryByteInOrderAcrossManyRefills() throws IOException {
        byte[] data = counting(10_000);
        Trickle source = new Trickle(data, 333);
        ReadAhead in = new ReadAhead(source, 64);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            seen.write(b);
        }
        assertArrayEquals(data, seen.toByteArray());
        assertEquals(-1, in.read(), "the end stays the end");
        assertTrue(source.asked.stream().allMatch(n -> n == 64), "every refill asks for a whole buffer");
    }

    @Test
    void bytesAbove127ComeBackUnsignedAsInputStreamPromises() throws IOException {
        ReadAhead in = new ReadAhead(new Trickle(new byte[] {(byte) 0xff, (byte) 0x80, 0x00, 0x7f}, 4), 8);
        assertEquals(0xff, in.read());
        assertEquals(0x80, in.read());
        assertEquals(0x00, in.read());
        assertEquals(0x7f, in.read());
        assertEquals(-1, in.read());
    }

    @Test
    void mixedSingleAndArrayReadsAcrossBufferBoundariesLoseAndRepeatNothing() throws IOException {
        byte[] data = counting(5_000);
        ReadAhead in = new ReadAhead(new Trickle(data, 50), 16);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] scratch = new byte[40];
        int step = 0;
        while (true) {
            if (step++ % 3 == 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                seen.write(b);
            } else {
                // lengths 1..39 straddle the 16-byte buffer's edge at every offset
                int n = in.read(scratch, 1, 1 + step % 39);
                if (n < 0) {
                    break;
                }
                seen.write(scratch, 1, n);
            }
        }
        assertArrayEquals(data, seen.toByteArray());
    }

    @Test
    void anArrayReadGetsTheBufferedRestFirstThenTheSourceDirectly() throws IOException {
        byte[] data = counting(300);
        Trickle source = new Trickle(data, 1_000);
        ReadAhead in = new ReadAhead(source, 32);
        assertEquals(data[0] & 0xff, in.read());
        byte[] rest = new byte[200];
        assertEquals(31, in.read(rest, 0, 200), "the 31 buffered bytes, without waiting for more");
        assertEquals(169, in.read(rest, 31, 169), "a read as large as the buffer bypasses it");
        assertEquals(List.of(32, 169), source.asked);
        byte[] expected = new byte[200];
        System.arraycopy(data, 1, expected, 0, 200);
        assertArrayEquals(expected, rest);
        assertEquals(data[201] & 0xff, in.read());
    }

    @Test
    void skipAndAvailableCountTheBufferedBytesToo() throws IOException {
        byte[] data = counting(100);
        ReadAhead in = new ReadAhead(new Trickle(data, 100), 10);
        in.read();
        assertEquals(99, in.available(), "9 buffered plus 90 still at the source");
        assertEquals(9, in.skip(50), "a skip first drops what is buffered");
        assertEquals(data[10] & 0xff, in.read());
        assertEquals(0, in.read(new byte[5], 0, 0));
    }

    @Test
    void closingClosesTheSourceAndBadArgumentsAreRefused() throws IOException {
        Trickle source = new Trickle(counting(10), 10);
        ReadAhead in = new ReadAhead(source, 4);
        assertThrows(IndexOutOfBoundsException.class, () -> in.read(new byte[4], 2, 3));
        in.close();
        assertTrue(source.closed);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReadAhead(source, 0));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }
}
