package org.bulkhead.libvirt;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bulkhead.model.hypervisor.DomainEvent;
import org.bulkhead.model.hypervisor.DomainEventListener;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.event.LifecycleListener;

/**
 * Fans one libvirt lifecycle registration per connection out to Bulkhead's listeners. The
 * libvirt registration exists while at least one listener does; callers serialise
 * {@link #add}/{@link #remove} (libvirt-java's listener map is a plain HashMap).
 */
final class LifecycleEvents implements LifecycleListener {

    private static final System.Logger LOG = System.getLogger(LifecycleEvents.class.getName());

    private final String uri;
    private final List<DomainEventListener> listeners = new CopyOnWriteArrayList<>();
    private boolean registered;

    LifecycleEvents(String uri) {
        this.uri = uri;
    }

    void add(Connect connect, DomainEventListener listener) throws LibvirtException {
        if (!registered) {
            connect.addLifecycleListener(this);
            registered = true;
        }
        listeners.add(listener);
    }

    void remove(Connect connect, DomainEventListener listener) throws LibvirtException {
        if (listeners.remove(listener) && listeners.isEmpty() && registered) {
            registered = false;
            connect.removeLifecycleListener(this);
        }
    }

    /** Drops every listener and the libvirt registration, as the connection closes. */
    void removeAll(Connect connect) throws LibvirtException {
        listeners.clear();
        if (registered) {
            registered = false;
            connect.removeLifecycleListener(this);
        }
    }

    /**
     * Runs on the event-loop thread. Name and UUID are cached in the domain handle (no round
     * trip to the daemon), and the handle libvirt-java referenced for us is released here.
     */
    @Override
    public int onLifecycleChange(Domain domain, org.libvirt.event.DomainEvent event) {
        DomainEvent translated;
        try {
            translated = new DomainEvent(uri, domain.getUUIDString(), domain.getName(),
                    DomainStates.eventKind(event.getType()));
        } catch (LibvirtException e) {
            LOG.log(Level.WARNING, "dropped a lifecycle event on " + uri + ": its domain handle was unreadable", e);
            return 0;
        } finally {
            Handles.free(domain);
        }
        for (DomainEventListener listener : listeners) {
            try {
                listener.onEvent(translated);
            } catch (RuntimeException e) {
                // One faulty listener must not starve the others or the event loop.
                LOG.log(Level.ERROR, "a domain event listener failed on " + translated, e);
            }
        }
        return 0;
    }
}
