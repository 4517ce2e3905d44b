package org.bulkhead.app.wiring;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.hypervisor.HypervisorConnection;

/**
 * Connections started before anyone asks for them: the window's start-up connections begin
 * opening as soon as libvirt is loaded, while the toolkit starts and the window is built, instead
 * of after. The first {@link #open} of such a URI takes that connection (waiting for it if it is
 * still opening, or failing with the error it failed with); every other open is an ordinary one.
 * A connection opened ahead and never taken is closed by {@link #closeUnclaimed}.
 */
final class OpenedAhead implements Hypervisor {

    private final Hypervisor hypervisor;
    private final Map<String, CompletableFuture<HypervisorConnection>> ahead = new ConcurrentHashMap<>();

    OpenedAhead(Hypervisor hypervisor) {
        this.hypervisor = hypervisor;
    }

    /** Starts opening each URI on a thread of its own; a URI already opening is left alone. */
    void start(List<String> uris) {
        for (String uri : uris) {
            ahead.computeIfAbsent(uri, key -> {
                CompletableFuture<HypervisorConnection> opening = new CompletableFuture<>();
                Thread thread = new Thread(() -> {
                    try {
                        opening.complete(hypervisor.open(key));
                    } catch (RuntimeException | Error e) {
                        opening.completeExceptionally(e);
                    }
                }, "libvirt open ahead " + key);
                thread.setDaemon(true);
                thread.start();
                return opening;
            });
        }
    }

    @Override
    public HypervisorConnection open(String uri) {
        CompletableFuture<HypervisorConnection> opening = ahead.remove(uri);
        if (opening == null) {
            return hypervisor.open(uri);
        }
        try {
            return opening.join();
        } catch (CompletionException e) {
            // The same failure the caller's own open would have had: a HypervisorException naming the URI.
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Closes every connection opened ahead that nobody took (once each has finished opening). */
    void closeUnclaimed() {
        for (String uri : List.copyOf(ahead.keySet())) {
            CompletableFuture<HypervisorConnection> opening = ahead.remove(uri);
            if (opening != null) {
                opening.thenAccept(HypervisorConnection::close);
            }
        }
    }
}
