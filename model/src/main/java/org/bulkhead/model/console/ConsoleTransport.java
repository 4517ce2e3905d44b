package org.bulkhead.model.console;

import java.util.function.Consumer;

import org.bulkhead.model.hypervisor.ConsoleStream;
import org.bulkhead.model.store.DomainKey;

/**
 * Where a console gets its bytes: the port the console view talks to. The application runs
 * {@link ConsoleOpener} on the domain's connection; the view never learns which route it took
 * beyond {@link ConsoleStream#route()}.
 */
@FunctionalInterface
public interface ConsoleTransport {

    /**
     * Opens the console of {@code domain} in the background. Exactly one of the callbacks runs,
     * on any thread: {@code opened} with a stream the caller then owns, or {@code failed} with a
     * message for the user (what is wrong and what to do).
     */
    void open(DomainKey domain, Consumer<ConsoleStream> opened, Consumer<String> failed);
}
