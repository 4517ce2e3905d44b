package org.bulkhead.model.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.bulkhead.model.hypervisor.ConnectionState;
import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;

/**
 * Any hypervisor (the real adapter or an {@link InMemoryHypervisor}) with what a test does to
 * the calls on its connections, named by the {@link HypervisorConnection} method: make one fail
 * before or after it happened, hold it until released, run something just before it, change
 * its result, count and record it; and close connections under whoever uses them.
 */
public final class ScriptedHypervisor implements Hypervisor {

    private final Hypervisor real;
    private final List<HypervisorConnection> opened = new CopyOnWriteArrayList<>();
    private final Map<String, String> failNext = new ConcurrentHashMap<>();
    private final Set<String> failBefore = ConcurrentHashMap.newKeySet();
    private final Set<String> failAfter = ConcurrentHashMap.newKeySet();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final Map<String, Runnable> beforeOnce = new ConcurrentHashMap<>();
    private final Map<String, UnaryOperator<Object>> results = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private volatile boolean refuseOpens;

    public ScriptedHypervisor(Hypervisor real) {
        this.real = real;
    }

    @Override
    public HypervisorConnection open(String uri) {
        attempts.add(uri);
        if (refuseOpens) {
            throw new HypervisorException("Could not connect to " + uri + ": the daemon is down (injected)",
                    "Nothing to do: this is a test");
        }
        HypervisorConnection connection = real.open(uri);
        opened.add(connection);
        return (HypervisorConnection) Proxy.newProxyInstance(ScriptedHypervisor.class.getClassLoader(),
                new Class<?>[] {HypervisorConnection.class}, (proxy, method, args) -> {
                    String operation = method.getName();
                    counts.computeIfAbsent(operation, name -> new AtomicInteger()).incrementAndGet();
                    log.add(operation + (args == null ? "" : List.of(args).toString()));
                    CountDownLatch hold = holds.get(operation);
                    if (hold != null) {
                        hold.await();
                    }
                    Runnable before = beforeOnce.remove(operation);
                    if (before != null) {
                        before.run();
                    }
                    String message = failNext.remove(operation);
                    if (message != null) {
                        throw new HypervisorException(message, "This failure was injected by the test.");
                    }
                    if (failBefore.contains(operation)) {
                        throw new HypervisorException("Could not " + operation + ": injected failure",
                                "Nothing to do: this is a test");
                    }
                    Object result;
                    try {
                        result = method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (failAfter.contains(operation)) {
                        throw new HypervisorException("Could not " + operation + ": injected failure after it happened",
                                "Nothing to do: this is a test");
                    }
                    UnaryOperator<Object> change = results.get(operation);
                    return change == null ? result : change.apply(result);
                });
    }

    /** The next call of {@code operation} (e.g. "reboot") on any connection fails with {@code message}. */
    public ScriptedHypervisor failNext(String operation, String message) {
        failNext.put(operation, message);
        return this;
    }

    /** Every call of {@code operation} fails before it reaches the hypervisor. */
    public ScriptedHypervisor fail(String operation) {
        failBefore.add(operation);
        return this;
    }

    /** Every call of {@code operation} fails right after it really happened, so its effect stays. */
    public ScriptedHypervisor failAfter(String operation) {
        failAfter.add(operation);
        return this;
    }

    /** Calls of {@code operation} (e.g. "domain") wait until {@link #release} is called for it. */
    public ScriptedHypervisor hold(String operation) {
        holds.put(operation, new CountDownLatch(1));
        return this;
    }

    public void release(String operation) {
        CountDownLatch hold = holds.remove(operation);
        if (hold != null) {
            hold.countDown();
        }
    }

    /** Runs {@code action} once, just before the next call of {@code operation} reaches the hypervisor. */
    public ScriptedHypervisor beforeNext(String operation, Runnable action) {
        beforeOnce.put(operation, action);
        return this;
    }

    /** Every result of {@code operation} passes through {@code change} (e.g. capabilities without secmodels). */
    @SuppressWarnings("unchecked")
    public <T> ScriptedHypervisor changeResult(String operation, UnaryOperator<T> change) {
        results.put(operation, result -> change.apply((T) result));
        return this;
    }

    /** How many times {@code operation} was called on any connection so far. */
    public int calls(String operation) {
        AtomicInteger count = counts.get(operation);
        return count == null ? 0 : count.get();
    }

    /** Every call so far, in order, as {@code name[arguments]} (e.g. {@code undefine[uuid, true]}). */
    public List<String> callLog() {
        return log;
    }

    /** While true, every new connection is refused, as by a daemon that is down; reconnects keep failing. */
    public void refuseOpens(boolean refuse) {
        refuseOpens = refuse;
    }

    /** Closes every open connection to {@code uri} behind its user's back. */
    public void closeUnder(String uri) {
        opened.stream().filter(c -> c.uri().equals(uri) && c.state() == ConnectionState.OPEN)
                .forEach(HypervisorConnection::close);
    }

    /** How many times a connection to {@code uri} was asked for so far: reconnects and refused attempts included. */
    public int opens(String uri) {
        return (int) attempts.stream().filter(uri::equals).count();
    }

    /** True once every connection handed out is closed. */
    public boolean allClosed() {
        return opened.stream().allMatch(c -> c.state() != ConnectionState.OPEN);
    }
}
