package org.bulkhead.ui.console;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import com.shinyhut.vernacular.client.VernacularClient;
import com.shinyhut.vernacular.client.VernacularConfig;
import com.shinyhut.vernacular.client.VncSession;
import com.shinyhut.vernacular.client.exceptions.AuthenticationFailedException;
import com.shinyhut.vernacular.client.exceptions.VncException;
import com.shinyhut.vernacular.protocol.messages.Decoder;

import org.bulkhead.model.hypervisor.ConsoleStream;

/**
 * One VNC session on a {@link ConsoleStream}, through vernacular (xpipe's maintained fork): it
 * can start on an already connected {@link Socket}, so the stream is handed to it as one, and
 * it decodes the updates on its own threads. Frames go to a {@link ScreenDamage}; the end of
 * the session (the VM stopped, the stream broke, the server refused) is reported once.
 *
 * <p>The library reads every pixel byte by byte through a {@link java.io.BufferedInputStream}
 * of its own, whose lock on each call made a full 1024x768 raw frame cost about 60 ms. So once
 * the handshake has set the session's message decoder, and before the event loop first asks it
 * for its stream, that decoder is replaced by one that reads through a {@link ReadAhead} over
 * the same stream: the library still does all the decoding, on bytes served without a lock.
 * The moment is the client's first message after the handshake (ClientInit), the first write
 * after the decoder is set. The server's ServerInit is still read through the decoder the
 * library took just before, while the read-ahead has read nothing yet; from the event loop on,
 * every read goes through the read-ahead, so no reader skips bytes another took. This follows
 * the order of vernacular 1.16's start-up (the version is pinned); VncConsoleTest fails if a
 * change of that order makes queued messages go missing.
 */
public final class VncConsole {

    private final ConsoleStream stream;
    private final VernacularClient client;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean readAhead = new AtomicBoolean();
    private final Consumer<String> onEnd;

    /**
     * @param onEnd called once, on a VNC thread, with why the session ended (empty: the server
     *              closed it, as QEMU does when the VM stops)
     */
    public VncConsole(ConsoleStream stream, ScreenDamage screen, Consumer<String> onEnd) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.onEnd = onEnd;
        VernacularConfig config = new VernacularConfig();
        config.setTargetFramesPerSecond(30);
        config.setShared(true);
        config.setEnableExtendedClipboard(false);
        stream.password().ifPresent(password -> config.setPasswordSupplier(() -> password));
        config.setScreenUpdateListener(frame -> screen.accept(frame.getBuffer(), frame.getWidth(), frame.getHeight()));
        config.setErrorListener(this::failed);
        client = new VernacularClient(config);
    }

    /** Handshakes and starts the session; blocks on the server, so never on the FX thread. */
    public void start() {
        client.start(new StreamSocket(stream, () -> end(""), this::installReadAhead));
    }

    /** Called before each write to the server; acts once, on the first one after the handshake. */
    private void installReadAhead() throws IOException {
        if (readAhead.get()) {
            return;
        }
        VncSession session = client.getSession();
        Decoder handshaken = session == null ? null : session.getMessageDecoder();
        if (handshaken == null || !readAhead.compareAndSet(false, true)) {
            return;
        }
        InputStream buffered = new ReadAhead(handshaken.getInputStream());
        session.setMessageDecoder(new Decoder() {
            @Override
            public InputStream getInputStream() {
                return buffered;
            }
        });
    }

    public void key(int keysym, boolean down) {
        if (!ended.get()) {
            client.updateKey(keysym, down);
        }
    }

    public void pointer(int x, int y) {
        if (!ended.get()) {
            client.moveMouse(x, y);
        }
    }

    public void button(int button, boolean down) {
        if (!ended.get()) {
            client.updateMouseButton(button, down);
        }
    }

    public boolean isRunning() {
        return !ended.get() && client.isRunning();
    }

    /** Ends the session; the stream closes first so no thread stays blocked on a read. */
    public void stop() {
        ended.set(true);
        stream.close();
        client.stop();
    }

    private void failed(VncException e) {
        String why = e instanceof AuthenticationFailedException
                ? "The VNC server refused the password from the VM's XML."
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        end(why);
    }

    private void end(String why) {
        if (ended.compareAndSet(false, true)) {
            stream.close();
            onEnd.accept(why);
        }
    }

    /**
     * The stream dressed as a socket, which is all the library needs of one: it only asks for
     * the two streams. The input reports its end, which the library itself passes over in silence.
     */
    private static final class StreamSocket extends Socket {
        private final ConsoleStream stream;
        private final InputStream input;
        private final OutputStream output;

        StreamSocket(ConsoleStream stream, Runnable onEnd, BeforeWrite beforeWrite) {
            this.stream = stream;
            this.output = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    beforeWrite.run();
                    stream.output().write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    beforeWrite.run();
                    stream.output().write(bytes, offset, length);
                }

                @Override
                public void flush() throws IOException {
                    stream.output().flush();
                }

                @Override
                public void close() throws IOException {
                    stream.output().close();
                }
            };
            this.input = new FilterInputStream(stream.input()) {
                @Override
                public int read() throws IOException {
                    int b = checked(super.read());
                    return b;
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    return checked(super.read(bytes, offset, length));
                }

                private int checked(int n) {
                    if (n < 0) {
                        onEnd.run();
                    }
                    return n;
                }
            };
        }

        @Override
        public InputStream getInputStream() {
            return input;
        }

        @Override
        public OutputStream getOutputStream() {
            return output;
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public synchronized void close() {
            stream.close();
        }
    }

    @FunctionalInterface
    private interface BeforeWrite {
        void run() throws IOException;
    }
}
