package org.bulkhead.ui.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A read-ahead buffer for one reading thread: it takes bytes from its source in bulk and serves
 * single-byte reads from a plain array, without the lock that {@link java.io.BufferedInputStream}
 * takes on every call. The VNC library decodes pixels one {@code read()} per byte, so for a
 * full 1024x768 frame that lock was most of the frame's cost (3 MiB, 3 million lock round trips).
 * Not thread-safe: only the library's event loop reads; closing from another thread is fine.
 */
final class ReadAhead extends InputStream {

    private static final int DEFAULT_SIZE = 64 * 1024;

    private final InputStream source;
    private final byte[] buffer;
    private int position;
    private int limit;

    ReadAhead(InputStream source) {
        this(source, DEFAULT_SIZE);
    }

    ReadAhead(InputStream source, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("read-ahead buffer size must be at least 1, was " + size);
        }
        this.source = Objects.requireNonNull(source, "source");
        this.buffer = new byte[size];
    }

    @Override
    public int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length == 0) {
            return 0;
        }
        int buffered = limit - position;
        if (buffered == 0) {
            if (length >= buffer.length) {
                // Large reads go straight to the caller's array: copying through the buffer gains nothing.
                return source.read(bytes, offset, length);
            }
            if (!fill()) {
                return -1;
            }
            buffered = limit - position;
        }
        int n = Math.min(buffered, length);
        System.arraycopy(buffer, position, bytes, offset, n);
        position += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        int buffered = limit - position;
        if (buffered == 0) {
            return source.skip(n);
        }
        int skipped = (int) Math.min(buffered, n);
        position += skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (limit - position) + source.available();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /** Refills the empty buffer with what the source has (blocking for at least one byte); false at its end. */
    private boolean fill() throws IOException {
        position = 0;
        limit = 0;
        int n;
        do {
            n = source.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        limit = n;
        return true;
    }
}
