package org.bulkhead.libvirt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards loopback TCP connections, or connections to a UNIX socket of its own, to libvirtd's
 * local socket, so a test can reach the daemon as {@code qemu+tcp://127.0.0.1:PORT/system} or
 * {@code qemu+unix:///system?socket=PATH} and then cut the line, or play a daemon that goes away
 * and comes back, without touching the daemon others use.
 */
final class SocketProxy implements AutoCloseable {

    private final Path target;
    private final Path unixPath;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocketChannel server;

    SocketProxy(Path target) throws IOException {
        this(target, null);
    }

    private SocketProxy(Path target, Path unixPath) throws IOException {
        this.target = target;
        this.unixPath = unixPath;
        listen();
    }

    /** A proxy listening on the UNIX socket {@code path}, a client-side stand-in for the daemon's own. */
    static SocketProxy unix(Path path, Path target) throws IOException {
        return new SocketProxy(target, path);
    }

    int port() throws IOException {
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    /** Listens (again): as a daemon that starts and creates its socket. */
    void listen() throws IOException {
        ServerSocketChannel channel;
        if (unixPath == null) {
            channel = ServerSocketChannel.open();
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } else {
            channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(unixPath));
        }
        server = channel;
        Thread acceptor = new Thread(() -> accept(channel), "socket-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** As a daemon that stops: its socket goes and every connection drops. */
    void stopListening() throws IOException {
        server.close();
        cut();
        if (unixPath != null) {
            Files.deleteIfExists(unixPath);
        }
    }

    /** Drops every forwarded connection, as a network failure or a dead daemon would. */
    void cut() throws IOException {
        for (SocketChannel channel : open) {
            channel.close();
        }
    }

    @Override
    public void close() throws IOException {
        stopListening();
    }

    private void accept(ServerSocketChannel server) {
        try {
            while (true) {
                SocketChannel client = server.accept();
                SocketChannel daemon = SocketChannel.open(StandardProtocolFamily.UNIX);
                daemon.connect(UnixDomainSocketAddress.of(target));
                open.add(client);
                open.add(daemon);
                pump(client, daemon);
                pump(daemon, client);
            }
        } catch (IOException e) {
            // the server socket was closed: the proxy is done
        }
    }

    private void pump(SocketChannel from, SocketChannel to) {
        Thread thread = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
            } catch (IOException e) {
                // one side went away; closing both ends below tells the other
            }
            try {
                from.close();
                to.close();
            } catch (IOException e) {
                // already closed
            }
        }, "socket-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }
}
