package org.bulkhead.app.gui;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bulkhead.model.hypervisor.ConnectionState;
import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;

/**
 * The real hypervisor adapter, with two ways for a test to break it: close a connection under
 * whoever uses it, or make the next call of one operation fail with a message.
 */
final class BreakableHypervisor implements Hypervisor {

    private final Hypervisor real;
    private final List<HypervisorConnection> opened = new CopyOnWriteArrayList<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.CountDownLatch> holds = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> calls = new ConcurrentHashMap<>();

    BreakableHypervisor(Hypervisor real) {
        this.real = real;
    }

    @Override
    public HypervisorConnection open(String uri) {
        HypervisorConnection connection = real.open(uri);
        opened.add(connection);
        return (HypervisorConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HypervisorConnection.class}, (proxy, method, args) -> {
                    calls.computeIfAbsent(method.getName(), name -> new java.util.concurrent.atomic.AtomicInteger())
                            .incrementAndGet();
                    java.util.concurrent.CountDownLatch hold = holds.get(method.getName());
                    if (hold != null) {
                        hold.await();
                    }
                    String failure = failures.remove(method.getName());
                    if (failure != null) {
                        throw new HypervisorException(failure, "This failure was injected by the test.");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The next call of {@code operation} (e.g. "reboot") on any connection fails with {@code message}. */
    void failNext(String operation, String message) {
        failures.put(operation, message);
    }

    /** Calls of {@code operation} (e.g. "domain") wait until {@link #release} is called for it. */
    void hold(String operation) {
        holds.put(operation, new java.util.concurrent.CountDownLatch(1));
    }

    void release(String operation) {
        java.util.concurrent.CountDownLatch hold = holds.remove(operation);
        if (hold != null) {
            hold.countDown();
        }
    }

    /** How many times {@code operation} was called on any connection so far. */
    int calls(String operation) {
        java.util.concurrent.atomic.AtomicInteger count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    /** Closes every open connection to {@code uri} behind its user's back. */
    void closeUnder(String uri) {
        opened.stream().filter(c -> c.uri().equals(uri) && c.state() == ConnectionState.OPEN)
                .forEach(HypervisorConnection::close);
    }

    /** How many connections to {@code uri} were opened so far, reconnects included. */
    long opens(String uri) {
        return opened.stream().filter(c -> c.uri().equals(uri)).count();
    }

    /** True once every connection handed out is closed, so test:///default's shared state is freed. */
    boolean allClosed() {
        return opened.stream().allMatch(c -> c.state() != ConnectionState.OPEN);
    }
}
