package org.bulkhead.app;

import java.nio.file.Path;

import org.bulkhead.app.wiring.Wiring;
import org.bulkhead.model.disposable.Disposable;
import org.bulkhead.model.disposable.DisposableXml;
import org.bulkhead.model.disposable.LiveDisposables;
import org.bulkhead.model.hypervisor.HypervisorConnection;

/**
 * A Bulkhead that starts a disposable VM and then waits to be killed, for the crash test: it
 * prints {@code RUNNING <overlay>} once the VM runs. Arguments: URI, template UUID, live-list file.
 */
final class DisposableChild {

    private DisposableChild() {
    }

    public static void main(String[] args) throws Exception {
        Wiring wiring = Wiring.real();
        HypervisorConnection connection = wiring.hypervisor().open(args[0]);
        Disposable d = wiring.disposables(connection, new LiveDisposables(Path.of(args[2])))
                .start(args[1], DisposableXml.Options.AS_TEMPLATE, note -> { });
        System.out.println("RUNNING " + d.overlay());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
