package org.bulkhead.ui.console;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import org.bulkhead.model.console.ConsoleRoute;
import org.bulkhead.model.console.ConsoleRoutes;
import org.bulkhead.model.console.ConsoleTransport;
import org.bulkhead.model.hypervisor.ConsoleStream;
import org.bulkhead.model.security.Trust;
import org.bulkhead.model.store.DomainSnapshot;
import org.bulkhead.ui.main.DomainRow;

/**
 * One domain's console, following its row: connects while the VM runs, says why there is no
 * screen while it does not, reconnects when the VM comes back (a restart is a new QEMU and a new
 * VNC server). Keyboard grab and the scale mode live here; the pixels go through
 * {@link #screen()}. Everything but the VNC threads runs on the UI executor.
 */
public final class ConsoleViewModel {

    /** Where the console stands, for the overlay and the tests. */
    public enum Phase { WAITING, CONNECTING, CONNECTED, UNAVAILABLE }

    /** After a session ends while the VM still runs (a reset, a hiccup): try again this soon. */
    private static final long RETRY_MILLIS = 700;

    private final DomainRow row;
    private final ConsoleTransport transport;
    private final Executor ui;
    private final ScreenDamage screen;
    private final ScheduledExecutorService timer;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.WAITING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper route = new ReadOnlyStringWrapper(this, "route", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper(this, "label", "");
    private final ReadOnlyObjectWrapper<Trust> trust = new ReadOnlyObjectWrapper<>(this, "trust");
    private final ReadOnlyBooleanWrapper grabbed = new ReadOnlyBooleanWrapper(this, "grabbed");
    private final BooleanProperty scaleToFit = new SimpleBooleanProperty(this, "scaleToFit", true);
    private final Deque<Integer> held = new ArrayDeque<>();
    private final InvalidationListener changed = obs -> follow();

    private VncConsole session;
    /** Bumped for each attempt and on dispose, so a late answer to an old attempt is dropped. */
    private long attempt;
    private boolean disposed;

    public ConsoleViewModel(DomainRow row, ConsoleTransport transport, Executor ui) {
        this.row = Objects.requireNonNull(row, "row");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.screen = new ScreenDamage(ui);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "console retry " + row.name());
            thread.setDaemon(true);
            return thread;
        });
        row.snapshotProperty().addListener(changed);
        row.removedProperty().addListener(changed);
        follow();
    }

    /** Disconnects and stops following the row; call when the console's window or tab closes. */
    public void dispose() {
        disposed = true;
        attempt++;
        row.snapshotProperty().removeListener(changed);
        row.removedProperty().removeListener(changed);
        disconnect();
        timer.shutdownNow();
    }

    private void follow() {
        DomainSnapshot snapshot = row.snapshot();
        title.set(snapshot.name());
        trust.set(snapshot.security().trust());
        label.set(snapshot.security().label().orElse("no label"));
        if (disposed) {
            return;
        }
        if (row.removedProperty().get()) {
            disconnect();
            show(Phase.UNAVAILABLE, "'" + snapshot.name() + "' no longer exists.");
            return;
        }
        // Where the host is only the connection knows: the opener checks that part.
        ConsoleRoute known = ConsoleRoutes.choose(snapshot.name(), snapshot.state(), snapshot.record().xml(), true,
                snapshot.connectionUri());
        if (known instanceof ConsoleRoute.Unavailable none) {
            disconnect();
            show(none.waits() ? Phase.WAITING : Phase.UNAVAILABLE, none.describe());
            return;
        }
        if (session == null && phase.get() != Phase.CONNECTING) {
            connect();
        }
    }

    private void connect() {
        long mine = ++attempt;
        show(Phase.CONNECTING, "Connecting to the screen of '" + row.name() + "'…");
        transport.open(row.key(), stream -> ui.execute(() -> opened(mine, stream)),
                why -> ui.execute(() -> failed(mine, why)));
    }

    private void opened(long mine, ConsoleStream stream) {
        if (mine != attempt) {
            stream.close();
            return;
        }
        route.set(stream.route());
        VncConsole console = new VncConsole(stream, screen, why -> ui.execute(() -> ended(mine, why)));
        session = console;
        Thread handshake = new Thread(() -> {
            console.start();
            ui.execute(() -> {
                if (mine == attempt && console.isRunning()) {
                    show(Phase.CONNECTED, "");
                }
            });
        }, "vnc " + row.name());
        handshake.setDaemon(true);
        handshake.start();
    }

    private void failed(long mine, String why) {
        if (mine != attempt) {
            return;
        }
        show(Phase.UNAVAILABLE, why);
        // A VM just started may not have its display yet; one that still runs gets another try.
        retryWhileRunning(mine, RETRY_MILLIS * 4);
    }

    private void ended(long mine, String why) {
        if (mine != attempt) {
            return;
        }
        session = null;
        releaseGrab();
        if (!why.isEmpty()) {
            show(Phase.UNAVAILABLE, "The console of '" + row.name() + "' failed: " + why);
        } else {
            show(Phase.WAITING, "'" + row.name() + "' closed its screen; reconnecting when it runs again…");
        }
        retryWhileRunning(mine, RETRY_MILLIS);
    }

    private void retryWhileRunning(long mine, long delayMillis) {
        timer.schedule(() -> ui.execute(() -> {
            if (mine == attempt && !disposed && session == null && row.state().isActive() && !row.removedProperty().get()) {
                connect();
            }
        }), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void disconnect() {
        attempt++;
        VncConsole old = session;
        session = null;
        releaseGrab();
        route.set("");
        if (old != null) {
            // Joining the library's threads can take a moment: not on the FX thread.
            Thread stopper = new Thread(old::stop, "vnc stop " + row.name());
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    private void show(Phase next, String text) {
        message.set(text);
        phase.set(next);
    }

    // ---- input, from the view (FX thread) ----

    /** A key went down or up in the guest; held keys are released when the grab ends. */
    public void key(int keysym, boolean down) {
        VncConsole current = session;
        if (current == null) {
            return;
        }
        if (down) {
            held.remove(keysym);
            held.push(keysym);
        } else {
            held.remove(keysym);
        }
        current.key(keysym, down);
    }

    /** Presses the keys in order and releases them in reverse, as a user's fingers would. */
    public void sendCombination(int... keysyms) {
        VncConsole current = session;
        if (current == null) {
            return;
        }
        for (int keysym : keysyms) {
            current.key(keysym, true);
        }
        for (int i = keysyms.length - 1; i >= 0; i--) {
            current.key(keysyms[i], false);
        }
    }

    /** The pointer moved to (x, y) in the guest's pixels. */
    public void pointer(int x, int y) {
        VncConsole current = session;
        if (current != null) {
            current.pointer(x, y);
        }
    }

    /** A pointer button (1 left, 2 middle, 3 right, 4/5 wheel) changed. */
    public void button(int button, boolean down) {
        VncConsole current = session;
        if (current != null) {
            current.button(button, down);
        }
    }

    /** Keys go to the guest, all of them, until {@link #releaseGrab()}. Only while connected. */
    public void grab() {
        grabbed.set(phase.get() == Phase.CONNECTED);
    }

    /** Gives the keyboard back to Bulkhead, lifting any key the guest still sees as held. */
    public void releaseGrab() {
        VncConsole current = session;
        while (!held.isEmpty()) {
            int keysym = held.pop();
            if (current != null) {
                current.key(keysym, false);
            }
        }
        grabbed.set(false);
    }

    // ---- state, for the view ----

    public ScreenDamage screen() {
        return screen;
    }

    public DomainRow row() {
        return row;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Why there is no screen, or what is happening; empty while connected. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** How the console is reached, while connected. */
    public ReadOnlyStringProperty routeProperty() {
        return route.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The VM's security label, shown beside its trust marker. */
    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Trust> trustProperty() {
        return trust.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty grabbedProperty() {
        return grabbed.getReadOnlyProperty();
    }

    /** True: the screen scales to the space it has; false: one guest pixel per screen pixel. */
    public BooleanProperty scaleToFitProperty() {
        return scaleToFit;
    }
}
