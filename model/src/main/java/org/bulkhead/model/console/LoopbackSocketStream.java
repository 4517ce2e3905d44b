package org.bulkhead.model.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

import org.bulkhead.model.hypervisor.ConsoleStream;

/** A console on a VNC server listening on this machine's loopback interface. */
final class LoopbackSocketStream implements ConsoleStream {

    private static final int CONNECT_TIMEOUT_MILLIS = 3_000;

    private final Socket socket;
    private final InputStream input;
    private final OutputStream output;
    private final String route;
    private final Optional<String> password;

    private LoopbackSocketStream(Socket socket, String route, Optional<String> password) throws IOException {
        this.socket = socket;
        this.input = socket.getInputStream();
        this.output = socket.getOutputStream();
        this.route = route;
        this.password = password;
    }

    static LoopbackSocketStream connect(ConsoleRoute.LoopbackTcp route, Optional<String> password) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(route.address(), route.port()), CONNECT_TIMEOUT_MILLIS);
            return new LoopbackSocketStream(socket, route.describe(), password);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
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
    public Optional<String> password() {
        return password;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket the server already dropped: nothing is left open either way.
        }
    }
}
