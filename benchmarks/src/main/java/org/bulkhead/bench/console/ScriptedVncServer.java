package org.bulkhead.bench.console;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A minimal RFB 3.8 server standing in for a busy guest: no authentication, a 32-bit true-colour
 * screen, and to every update request an answer in which a band of {@code bandHeight} rows has
 * changed (raw encoding), the band moving down the screen with each update. A full-height band
 * repaints the whole screen every time: the worst case, a video or a scrolling terminal at full
 * speed. Frames are built once up front so the server costs little next to the client.
 */
final class ScriptedVncServer implements AutoCloseable {

    private final ServerSocket listener;
    private final int width;
    private final int height;
    private final int bandHeight;
    private final byte[][] bands;
    private volatile long cpuNanos;
    private volatile boolean closed;
    private Thread thread;
    private volatile long threadId = -1;

    ScriptedVncServer(int width, int height, int bandHeight) throws IOException {
        this.listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        this.width = width;
        this.height = height;
        this.bandHeight = bandHeight;
        this.bands = new byte[8][];
        for (int i = 0; i < bands.length; i++) {
            ByteBuffer pixels = ByteBuffer.allocate(width * bandHeight * 4);
            for (int y = 0; y < bandHeight; y++) {
                for (int x = 0; x < width; x++) {
                    // little-endian 32 bpp, red at bit 16: a gradient that differs per frame
                    int colour = ((x + i * 37) & 0xff) << 16 | ((y * 3 + i * 11) & 0xff) << 8 | (i * 29 & 0xff);
                    pixels.put((byte) colour).put((byte) (colour >> 8)).put((byte) (colour >> 16)).put((byte) 0);
                }
            }
            bands[i] = pixels.array();
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    long threadId() {
        return threadId;
    }

    void start() {
        thread = new Thread(this::serve, "scripted vnc server");
        thread.setDaemon(true);
        thread.start();
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
            int frame = 0;
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
                        int y = (frame * bandHeight / 2) % (height - bandHeight + 1);
                        out.writeByte(0);
                        out.writeByte(0);
                        out.writeShort(1);
                        out.writeShort(0);
                        out.writeShort(y);
                        out.writeShort(width);
                        out.writeShort(bandHeight);
                        out.writeInt(0); // raw
                        out.write(bands[frame % bands.length]);
                        out.flush();
                        frame++;
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
            if (!closed) {
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
