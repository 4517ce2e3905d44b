package org.bulkhead.app.gui;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.sun.glass.ui.Timer;

/**
 * A pulse timer for JavaFX's toolkit that stops while nothing changes, as the toolkit asks its
 * timer to. JavaFX pauses its timer once no animation runs and no pulse was requested for a
 * quarter of a second, and resumes it with the next request; on Linux (GTK) its own timer ignores
 * both and wakes the toolkit thread every frame for nothing. This one ticks on a thread of its own,
 * the way the toolkit's timers do on other systems, and really stops: an idle window is not woken
 * at all. Installed by {@link RenderingPipeline#pauseWhenIdle()}.
 *
 * <p>A pause is honoured only if, at that moment, no animation runs and no pulse is requested
 * ({@code pending}, read under the toolkit's lock, which its requests take to resume the timer):
 * JavaFX checks both a moment before it asks, and a request in between would otherwise be lost
 * until the next one.
 */
final class PausingPulseTimer extends Timer {

    private final ScheduledThreadPoolExecutor ticks;
    private final BooleanSupplier pending;
    private final Object lock = new Object();
    private Runnable tick;
    private int period;
    private ScheduledFuture<?> running;
    private boolean started;

    /**
     * @param runnable what each tick runs: the toolkit's own, which posts a pulse when one is wanted
     *                 and otherwise asks the timer to pause
     * @param pending  whether an animation runs or a pulse is requested right now
     */
    PausingPulseTimer(Runnable runnable, BooleanSupplier pending) {
        super(runnable);
        this.pending = pending;
        this.ticks = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "pulse timer");
            thread.setDaemon(true);
            return thread;
        });
        ticks.setRemoveOnCancelPolicy(true);
    }

    @Override
    protected long _start(Runnable runnable, int millis) {
        synchronized (lock) {
            tick = runnable;
            period = Math.max(1, millis);
            started = true;
            schedule();
        }
        return 1; // the toolkit only needs a handle that is not 0
    }

    @Override
    protected long _start(Runnable runnable) {
        throw new UnsupportedOperationException("no display's refresh to follow: a period is needed");
    }

    @Override
    protected void _stop(long handle) {
        synchronized (lock) {
            started = false;
            cancel();
        }
    }

    @Override
    protected void _pause(long handle) {
        synchronized (lock) {
            if (!pending.getAsBoolean()) {
                cancel();
            }
        }
    }

    @Override
    protected void _resume(long handle) {
        synchronized (lock) {
            if (started && running == null) {
                schedule(); // at once: the change that asked for a pulse is drawn without waiting a period
            }
        }
    }

    private void schedule() {
        Runnable each = tick;
        running = ticks.scheduleAtFixedRate(() -> {
            try {
                each.run();
            } catch (RuntimeException e) {
                // The toolkit prints its own failures; a tick that threw must not end the ticks.
            }
        }, 0, period, TimeUnit.MILLISECONDS);
    }

    private void cancel() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }
}
