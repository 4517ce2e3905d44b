package org.bulkhead.model.console;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bulkhead.model.hypervisor.ConsoleStream;

/**
 * A console through the system's {@code ssh}, whose relay on the VM's host joins ssh's standard
 * input and output to the VNC listener there ({@link ConsoleRoute.OverSsh}). Opening waits for
 * the server's first byte, so a refused login, an unknown host key or a socket the user may not
 * open is told in ssh's or the relay's own words instead of surfacing later as a broken VNC
 * handshake.
 */
final class SshTunnelStream implements ConsoleStream {

    private static final long FIRST_BYTE_SECONDS = 30;
    private static final int ERROR_TAIL = 2_000;

    private final Process process;
    private final InputStream input;
    private final String route;
    private final Optional<String> password;

    private SshTunnelStream(Process process, InputStream input, String route, Optional<String> password) {
        this.process = process;
        this.input = input;
        this.route = route;
        this.password = password;
    }

    /** @throws IOException saying what ssh or the server answered instead of a console */
    static SshTunnelStream open(ConsoleRoute.OverSsh route, Optional<String> password) throws IOException {
        Process process = new ProcessBuilder(route.command()).start();
        StringBuilder errors = new StringBuilder();
        Thread.ofVirtual().name("ssh console errors").start(() -> collect(process.getErrorStream(), errors));
        InputStream output = process.getInputStream();
        CompletableFuture<Integer> first = new CompletableFuture<>();
        Thread.ofVirtual().name("ssh console greeting").start(() -> {
            try {
                first.complete(output.read());
            } catch (IOException e) {
                first.completeExceptionally(e);
            }
        });
        int firstByte;
        try {
            firstByte = first.get(FIRST_BYTE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("no answer from the VNC server through ssh within " + FIRST_BYTE_SECONDS + " s");
        } catch (ExecutionException e) {
            process.destroyForcibly();
            throw new IOException("reading from ssh failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the console", e);
        }
        if (firstByte < 0) {
            String exit;
            try {
                exit = process.waitFor(5, TimeUnit.SECONDS) ? "ssh exited with status " + process.exitValue()
                        : "ssh closed the connection";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exit = "ssh closed the connection";
            }
            process.destroyForcibly();
            String said;
            synchronized (errors) {
                said = errors.toString().strip();
            }
            if (said.isEmpty() && exit.endsWith("status 0")) {
                throw new IOException("the VNC server on the host closed the connection without a word"
                        + " (on an SELinux host it answers only a peer at the VM's own level)");
            }
            throw new IOException(exit + (said.isEmpty() ? "" : ": " + said));
        }
        InputStream input = new SequenceInputStream(new ByteArrayInputStream(new byte[] {(byte) firstByte}), output);
        return new SshTunnelStream(process, input, route.describe(), password);
    }

    /** Keeps the last part of what ssh says on its error stream, for the message if it fails. */
    private static void collect(InputStream stream, StringBuilder errors) {
        byte[] buffer = new byte[1024];
        try (stream) {
            int n;
            while ((n = stream.read(buffer)) >= 0) {
                synchronized (errors) {
                    errors.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (errors.length() > ERROR_TAIL) {
                        errors.delete(0, errors.length() - ERROR_TAIL);
                    }
                }
            }
        } catch (IOException e) {
            // ssh is gone; what it said so far is kept.
        }
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return process.getOutputStream();
    }

    @Override
    public String route() {
        return route;
    }

    @Override
    public Optional<String> password() {
        return password;
    }

    /** Ends ssh, which closes the forwarded channel; a blocked read then sees the end. */
    @Override
    public void close() {
        process.destroy();
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already closed by ssh's end.
        }
    }
}
