package org.bulkhead.app;

import java.io.PrintWriter;

import org.bulkhead.model.disposable.Disposable;
import org.bulkhead.model.disposable.DisposableEnd;
import org.bulkhead.model.disposable.DisposableVms;
import org.bulkhead.model.disposable.DisposableXml;
import org.bulkhead.model.hypervisor.HypervisorException;

/**
 * One disposable VM run by a command ({@code bulkhead disposable}, {@code bulkhead kiosk}): started
 * with one exit code per kind of refusal, and ended exactly once, by the command when the guest or
 * the session ends, or by the JVM's shutdown when the user logs out or presses Ctrl+C (SIGHUP,
 * SIGTERM, SIGINT), whichever comes first.
 */
final class DisposableRun {

    static final int NO_CONNECTION = 1;
    static final int BAD_TEMPLATE = 2;
    static final int REFUSED = 3;
    static final int START_FAILED = 5;
    static final int LEFT_BEHIND = 6;

    /** A start that did not happen: why was printed; the command exits with {@link #code}. */
    static final class NotStarted extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        NotStarted(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    private final DisposableVms vms;
    private final Disposable disposable;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Thread hook;
    private DisposableEnd ended;

    private DisposableRun(DisposableVms vms, Disposable disposable, PrintWriter out, PrintWriter err) {
        this.vms = vms;
        this.disposable = disposable;
        this.out = out;
        this.err = err;
        this.hook = new Thread(this::end, "end disposable VM " + disposable.name());
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts a disposable VM of {@code templateUuid}, or says on {@code err} why not (prefixed with
     * {@code command}) and throws the exit code that goes with the reason.
     */
    static DisposableRun start(String command, DisposableVms vms, String templateUuid, DisposableXml.Options options,
            PrintWriter out, PrintWriter err) throws NotStarted {
        try {
            return new DisposableRun(vms, vms.start(templateUuid, options, err::println), out, err);
        } catch (IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage());
            throw new NotStarted(BAD_TEMPLATE);
        } catch (IllegalStateException e) {
            err.println(command + ": " + e.getMessage());
            throw new NotStarted(REFUSED);
        } catch (HypervisorException e) {
            err.println(command + ": " + e.userMessage());
            throw new NotStarted(START_FAILED);
        }
    }

    Disposable disposable() {
        return disposable;
    }

    /** Destroys the VM and deletes its overlay, once; says on {@code out} or {@code err} what is left. */
    synchronized DisposableEnd end() {
        if (ended == null) {
            ended = vms.end(disposable);
            (ended.clean() ? out : err).println(ended.describe());
            out.flush();
            err.flush();
        }
        return ended;
    }

    /** Ends the run if nothing has yet, stands down the shutdown hook, and gives the command's exit code. */
    int finish() {
        DisposableEnd end = end();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is shutting down and the hook has run or is running: it ended the VM.
        }
        return end.clean() ? 0 : LEFT_BEHIND;
    }
}
