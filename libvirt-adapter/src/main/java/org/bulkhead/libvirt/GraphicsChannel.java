package org.bulkhead.libvirt;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.bulkhead.model.xml.SafeXml;
import org.bulkhead.model.hypervisor.ConsoleStream;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A console on the socket descriptor that {@code virDomainOpenGraphicsFD} returns: QEMU's VNC
 * server on one end, this process on the other, no port anywhere. Reads and writes go straight
 * to the C library. Closing shuts the socket down first, which wakes a blocked read, and frees
 * the descriptor only once no read or write still uses it, so its number cannot be reused under
 * them.
 */
final class GraphicsChannel implements ConsoleStream {

    private static final int CHUNK = 64 * 1024;

    private final int fd;
    private final String route;
    private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final InputStream input = new Input();
    private final OutputStream output = new Output();

    private GraphicsChannel(int fd, String route) {
        this.fd = fd;
        this.route = route;
    }

    /** Opens the {@code index}-th graphics device of the domain on this (local) connection. */
    static GraphicsChannel open(Pointer connection, String uuid, int index) throws NativeCallException {
        if (connection == null) {
            throw new IllegalStateException("connection is closed");
        }
        Pointer domain = NativeLibvirt.INSTANCE.virDomainLookupByUUIDString(connection, uuid);
        if (domain == null) {
            throw NativeCallException.lastError("virDomainLookupByUUIDString failed");
        }
        int fd;
        try {
            fd = NativeLibvirt.INSTANCE.virDomainOpenGraphicsFD(domain, index, NativeLibvirt.OPEN_GRAPHICS_SKIPAUTH);
            if (fd < 0) {
                throw NativeCallException.lastError("virDomainOpenGraphicsFD failed");
            }
        } finally {
            NativeLibvirt.INSTANCE.virDomainFree(domain);
        }
        try {
            // Blocking reads: the reader is a thread of its own.
            int flags = NativeLibc.INSTANCE.fcntl(fd, NativeLibc.F_GETFL, 0);
            if ((flags & NativeLibc.O_NONBLOCK) != 0) {
                NativeLibc.INSTANCE.fcntl(fd, NativeLibc.F_SETFL, flags & ~NativeLibc.O_NONBLOCK);
            }
        } catch (LastErrorException e) {
            NativeLibc.INSTANCE.close(fd);
            throw new IllegalStateException("The console descriptor from libvirt is unusable: errno " + e.getErrorCode(), e);
        }
        return new GraphicsChannel(fd, "VNC through libvirt's graphics channel (a descriptor from the local daemon, no network port).");
    }

    /** The {@code passwd} of the {@code index}-th graphics device in secure XML, if it has one. */
    static Optional<String> password(String secureXml, int index) {
        NodeList devices = SafeXml.parse(secureXml, "the domain's secure XML").getElementsByTagName("devices");
        if (devices.getLength() == 0) {
            return Optional.empty();
        }
        int seen = 0;
        NodeList children = devices.item(0).getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && element.getTagName().equals("graphics")) {
                if (seen++ == index) {
                    return element.hasAttribute("passwd") ? Optional.of(element.getAttribute("passwd")) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public String route() {
        return route;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            NativeLibc.INSTANCE.shutdown(fd, NativeLibc.SHUT_RDWR);
        } catch (LastErrorException e) {
            // QEMU closed its end already: nothing to wake.
        }
        inUse.writeLock().lock();
        try {
            NativeLibc.INSTANCE.close(fd);
        } catch (LastErrorException e) {
            // The descriptor is released even when close reports an error (Linux).
        } finally {
            inUse.writeLock().unlock();
        }
    }

    private final class Input extends InputStream {
        private final Memory buffer = new Memory(CHUNK);

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            inUse.readLock().lock();
            try {
                while (true) {
                    if (closed.get()) {
                        return -1;
                    }
                    try {
                        long n = NativeLibc.INSTANCE.read(fd, buffer, new NativeLong(Math.min(length, CHUNK))).longValue();
                        if (n <= 0) {
                            return -1;
                        }
                        buffer.read(0, bytes, offset, (int) n);
                        return (int) n;
                    } catch (LastErrorException e) {
                        if (e.getErrorCode() != NativeLibc.EINTR) {
                            throw new IOException("Reading the console failed: errno " + e.getErrorCode(), e);
                        }
                    }
                }
            } finally {
                inUse.readLock().unlock();
            }
        }

        @Override
        public void close() {
            GraphicsChannel.this.close();
        }
    }

    private final class Output extends OutputStream {
        private final Memory buffer = new Memory(CHUNK);

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            inUse.readLock().lock();
            try {
                while (length > 0) {
                    if (closed.get()) {
                        throw new IOException("The console is closed");
                    }
                    int chunk = Math.min(length, CHUNK);
                    buffer.write(0, bytes, offset, chunk);
                    int written = 0;
                    while (written < chunk) {
                        try {
                            long n = NativeLibc.INSTANCE.send(fd, buffer.share(written),
                                    new NativeLong(chunk - written), NativeLibc.MSG_NOSIGNAL).longValue();
                            written += (int) n;
                        } catch (LastErrorException e) {
                            if (e.getErrorCode() != NativeLibc.EINTR) {
                                throw new IOException("Writing to the console failed: errno " + e.getErrorCode(), e);
                            }
                        }
                    }
                    offset += chunk;
                    length -= chunk;
                }
            } finally {
                inUse.readLock().unlock();
            }
        }

        @Override
        public void close() {
            GraphicsChannel.this.close();
        }
    }
}
