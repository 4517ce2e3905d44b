package org.bulkhead.libvirt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards loopback TCP connections to libvirtd's local socket, so a test can reach the daemon
 * as {@code qemu+tcp://127.0.0.1:PORT/system} and then cut the line without touching the daemon.
 */
final class SocketProxy implements AutoCloseable {

    private final ServerSocketChannel server;
    private final Path target;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();

    SocketProxy(Path target) throws IOException {
        this.target = target;
        this.server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, "socket-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() throws IOException {
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    /** Drops every forwarded connection, as a network failure or a dead daemon would. */
    void cut() throws IOException {
        for (SocketChannel channel : open) {
            channel.close();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut();
    }

    private void accept() {
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
