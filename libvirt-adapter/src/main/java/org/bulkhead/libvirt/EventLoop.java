package org.bulkhead.libvirt;

import java.lang.System.Logger.Level;
import org.libvirt.Connect;
import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt;

/**
 * libvirt's default event loop, registered once per process and run on one daemon thread
 * named {@code libvirt-events}. It must run before the first connection opens: keepalive,
 * close callbacks and domain events are all dispatched from it.
 */
final class EventLoop {

    static final String THREAD_NAME = "libvirt-events";

    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());

    /** Kept reachable for as long as libvirt may call it (JNA callbacks are weakly held). */
    private static final Libvirt.VirErrorCallback QUIET_ERRORS = (userData, error) -> { };

    private static Thread thread;

    private EventLoop() {
    }

    /** Starts the loop unless it runs already. */
    static synchronized void ensureRunning() throws LibvirtException {
        if (thread != null) {
            return;
        }
        // libvirt prints every error to stderr by default; ours become HypervisorExceptions.
        Connect.setErrorCallback(QUIET_ERRORS);
        Library.initEventLoop();
        Thread loop = new Thread(EventLoop::run, THREAD_NAME);
        loop.setDaemon(true);
        loop.start();
        thread = loop;
    }

    private static void run() {
        int failuresInARow = 0;
        while (true) {
            try {
                Library.processEvent();
                failuresInARow = 0;
            } catch (LibvirtException e) {
                LOG.log(Level.WARNING, "libvirt event loop iteration failed", e);
                // A broken poll would fail again at once; back off instead of spinning a core.
                if (++failuresInARow > 3) {
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
