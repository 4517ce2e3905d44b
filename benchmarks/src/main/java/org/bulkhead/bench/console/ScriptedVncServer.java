package org.bulkhead.bench.console;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A minimal RFB 3.8 server standing in for a busy guest: no authentication, a 32-bit true-colour
 * screen, and to every update request an answer from its {@link Guest}. Updates are built up
 * front where they can be, so the server costs little next to the client, and the server keeps
 * the screen the guest has drawn so far, so that the harness can check the client decoded it.
 */
final class ScriptedVncServer implements AutoCloseable {

    /** What the guest sends. Pixels go out as the client asks for them: blue, green, red, padding. */
    interface Guest {
        /**
         * Writes update number {@code frame} (a whole FramebufferUpdate message) and draws it
         * into {@code screen} (opaque ARGB, row after row), as the client should show it.
         */
        void writeUpdate(DataOutputStream out, int frame, int[] screen) throws IOException;
    }

    private final ServerSocket listener;
    private final int width;
    private final int height;
    private final Guest guest;
    private final int[] screen;
    private final CountDownLatch quiet = new CountDownLatch(1);
    private volatile boolean pausing;
    private volatile boolean closed;
    private volatile long threadId = -1;
    private volatile int sent;

    ScriptedVncServer(int width, int height, Guest guest) throws IOException {
        this.listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        this.width = width;
        this.height = height;
        this.guest = guest;
        this.screen = new int[width * height];
    }

    int port() {
        return listener.getLocalPort();
    }

    long threadId() {
        return threadId;
    }

    void start() {
        Thread thread = new Thread(this::serve, "scripted vnc server");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops answering update requests and waits until the server has left off; from then on
     * {@link #sent()} and {@link #screen()} no longer change.
     */
    boolean pause(long timeout, TimeUnit unit) throws InterruptedException {
        pausing = true;
        return quiet.await(timeout, unit);
    }

    /** Updates sent so far. */
    int sent() {
        return sent;
    }

    /** The guest's screen after the updates sent; read it after {@link #pause}. */
    int[] screen() {
        return screen;
    }

    private void serve() {
        threadId = Thread.currentThread().threadId();
        try (Socket socket = listener.accept()) {
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16));
            out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in.readFully(new byte[12]);
            out.writeByte(1);
            out.writeByte(1); // security type None
            out.flush();
            in.readUnsignedByte();
            out.writeInt(0); // SecurityResult OK
            out.flush();
            in.readUnsignedByte(); // ClientInit
            out.writeShort(width);
            out.writeShort(height);
            // pixel format: 32 bpp, depth 24, little endian, true colour, 255/255/255, shifts 16/8/0
            out.write(new byte[] {32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255, 16, 8, 0, 0, 0, 0});
            byte[] name = "bench".getBytes(StandardCharsets.US_ASCII);
            out.writeInt(name.length);
            out.write(name);
            out.flush();
            while (!closed) {
                int type = in.readUnsignedByte();
                switch (type) {
                    case 0 -> in.readFully(new byte[19]); // SetPixelFormat
                    case 2 -> {
                        in.readUnsignedByte();
                        int count = in.readUnsignedShort();
                        in.readFully(new byte[count * 4]);
                    }
                    case 3 -> {
                        in.readFully(new byte[9]);
                        if (pausing) {
                            quiet.countDown();
                        } else {
                            guest.writeUpdate(out, sent, screen);
                            out.flush();
                            sent++;
                        }
                    }
                    case 4 -> in.readFully(new byte[7]);
                    case 5 -> in.readFully(new byte[5]);
                    case 6 -> {
                        in.readFully(new byte[3]);
                        in.readFully(new byte[in.readInt()]);
                    }
                    default -> throw new IOException("unexpected client message " + type);
                }
            }
        } catch (IOException e) {
            if (!closed && !pausing) { // after a pause the client goes away: not a failure
                System.err.println("scripted server: " + e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
    }
}
