package org.bulkhead.ui.console;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.bulkhead.model.hypervisor.ConsoleStream;

/**
 * A VNC server on loopback that plays a fixed script: RFB 3.8 without authentication, a
 * 32-bit true-colour screen, then one scripted server message per update request from the
 * client (and nothing after the script ends). It writes every message in small uneven pieces,
 * flushing each, so the client's reads end in the middle of pixels and headers.
 */
final class ScriptedRfbServer implements AutoCloseable {

    private final ServerSocket listener;
    private final int width;
    private final int height;
    private final List<byte[]> script;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile Socket accepted;

    ScriptedRfbServer(int width, int height, List<byte[]> script) throws IOException {
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.width = width;
        this.height = height;
        this.script = script;
        Thread thread = new Thread(this::serve, "scripted rfb server");
        thread.setDaemon(true);
        thread.start();
    }

    /** A stream to this server as the console gets one from libvirt. */
    ConsoleStream connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
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
                return "loopback (test)";
            }

            @Override
            public Optional<String> password() {
                return Optional.empty();
            }

            @Override
            public void close() {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closed already
                }
            }
        };
    }

    /** Completes when the whole script has been sent, or with the server's failure. */
    CompletableFuture<Void> done() {
        return done;
    }

    private void serve() {
        try (Socket socket = listener.accept()) {
            accepted = socket;
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            in.readFully(new byte[12]);
            out.write(new byte[] {1, 1}); // one security type: None
            in.readUnsignedByte();
            out.write(new byte[] {0, 0, 0, 0}); // SecurityResult: OK
            in.readUnsignedByte(); // ClientInit
            ByteArrayOutputStream init = new ByteArrayOutputStream();
            init.write(new byte[] {(byte) (width >> 8), (byte) width, (byte) (height >> 8), (byte) height});
            // 32 bpp, depth 24, little endian, true colour, maxima 255, shifts 16/8/0, padding
            init.write(new byte[] {32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255, 16, 8, 0, 0, 0, 0});
            init.write(new byte[] {0, 0, 0, 4});
            init.write("test".getBytes(StandardCharsets.US_ASCII));
            out.write(init.toByteArray());
            int next = 0;
            while (next < script.size()) {
                int type = in.readUnsignedByte();
                switch (type) {
                    case 0 -> in.readFully(new byte[19]); // SetPixelFormat
                    case 2 -> {
                        in.readUnsignedByte();
                        in.readFully(new byte[in.readUnsignedShort() * 4]); // SetEncodings
                    }
                    case 3 -> {
                        in.readFully(new byte[9]); // FramebufferUpdateRequest
                        writeInPieces(out, script.get(next++));
                    }
                    case 4 -> in.readFully(new byte[7]); // KeyEvent
                    case 5 -> in.readFully(new byte[5]); // PointerEvent
                    default -> throw new IOException("unexpected client message type " + type);
                }
            }
            done.complete(null);
            // Stay connected: the client keeps asking and gets no answer, as from an idle guest.
            while (in.read() >= 0) {
                in.skipNBytes(in.available());
            }
        } catch (IOException e) {
            done.completeExceptionally(e);
        }
    }

    private static void writeInPieces(OutputStream out, byte[] message) throws IOException {
        int[] pieces = {1, 3, 7, 1_000, 4_093, 65_537};
        int offset = 0;
        for (int i = 0; offset < message.length; i++) {
            int n = Math.min(pieces[i % pieces.length], message.length - offset);
            out.write(message, offset, n);
            out.flush();
            offset += n;
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        Socket socket = accepted;
        if (socket != null) {
            socket.close();
        }
    }
}
