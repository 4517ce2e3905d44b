package org.bulkhead.model.hypervisor;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * An open byte stream to a domain's graphical console (the VNC protocol, from its first byte).
 * Who reads it never learns where the bytes come from: a file descriptor libvirt handed over, a
 * loopback TCP socket, later an SSH channel. Closing it unblocks a read in progress.
 */
public interface ConsoleStream extends AutoCloseable {

    InputStream input();

    OutputStream output();

    /** How the bytes travel, in words for the user ("through libvirt, no network port"). */
    String route();

    /** The VNC password to answer with, when the server asks for one. */
    default Optional<String> password() {
        return Optional.empty();
    }

    /** Closes both directions; idempotent and never throws. */
    @Override
    void close();
}
