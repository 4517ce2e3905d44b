package org.bulkhead.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.bulkhead.app.wiring.Wiring;
import org.bulkhead.model.disposable.Disposable;
import org.bulkhead.model.disposable.DisposableVms;
import org.bulkhead.model.disposable.DisposableXml;
import org.bulkhead.model.disposable.Leftovers;
import org.bulkhead.model.disposable.LiveDisposables;
import org.bulkhead.model.hypervisor.ConnectionUri;
import org.bulkhead.model.hypervisor.DomainListing;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bulkhead disposable}: runs a disposable VM of a shut-off VM until it stops or the command
 * is interrupted, then destroys it, deletes its overlay and says whether anything is left.
 */
@Command(name = "disposable", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a throw-away, isolated copy of a shut-off VM on a qcow2 overlay of its disk, until"
                + " the guest powers off or this command is interrupted (Ctrl+C, SIGTERM); then the VM is"
                + " destroyed, its overlay deleted, and Bulkhead checks nothing is left. Disposable VMs an earlier"
                + " Bulkhead left behind are cleaned up first.",
                "Exit codes: 0 ended, nothing left; 1 no connection; 2 no such VM or not usable as a template;"
                + " 3 refused (the template runs, Isolated impossible here); 5 libvirt refused to start it"
                + " (nothing left); 6 ended, but something is left (named on stderr)."})
final class DisposableCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TEMPLATE", description = "the shut-off VM to copy, by name or UUID")
    private String template;

    @Option(names = "--connect", paramLabel = "URI", defaultValue = "qemu:///system",
            description = "libvirt connection URI (default: ${DEFAULT-VALUE})")
    private ConnectionUri uri;

    @Option(names = "--memory", paramLabel = "MiB", description = "memory of the disposable VM (default: the template's)")
    private Long memory;

    @Option(names = "--no-network", description = "no network interfaces in the disposable VM")
    private boolean noNetwork;

    private final Wiring wiring;

    DisposableCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LiveDisposables live = LiveDisposables.forUser(System.getenv());
        Leftovers.cleanOrphans(live, wiring.hypervisor()::open).forEach(err::println);
        HypervisorConnection connection;
        try {
            connection = wiring.hypervisor().open(uri.text());
        } catch (HypervisorException e) {
            err.println("bulkhead disposable: " + e.userMessage());
            return DisposableRun.NO_CONNECTION;
        }
        try (connection) {
            Optional<String> uuid = find(connection, template);
            if (uuid.isEmpty()) {
                err.println("bulkhead disposable: there is no VM '" + template + "' on " + uri.text()
                        + " (virsh -c " + uri.text() + " list --all)");
                return DisposableRun.BAD_TEMPLATE;
            }
            DisposableVms vms = wiring.disposables(connection, live);
            DisposableXml.Options options = new DisposableXml.Options(
                    memory == null ? OptionalLong.empty() : OptionalLong.of(memory), !noNetwork);
            DisposableRun run;
            try {
                run = DisposableRun.start("bulkhead disposable", vms, uuid.get(), options, out, err);
            } catch (DisposableRun.NotStarted e) {
                return e.code;
            }
            Disposable disposable = run.disposable();
            out.println("Running '" + disposable.name() + "' (a disposable VM of '" + disposable.template() + "')");
            out.println("  label:   " + disposable.label());
            out.println("  overlay: " + disposable.overlay());
            out.println("  console: virt-viewer -c " + uri.text() + " " + disposable.name());
            out.println("It ends when the guest powers off or on Ctrl+C.");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            try (AutoCloseable watch = vms.whenStopped(disposable, stopped::countDown)) {
                if (vms.isRunning(disposable)) {
                    stopped.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                err.println("bulkhead disposable: lost sight of '" + disposable.name() + "' (" + e.getMessage()
                        + "); ending it now");
            }
            return run.finish();
        }
    }

    private static Optional<String> find(HypervisorConnection connection, String nameOrUuid) {
        List<DomainListing> all = connection.listNames();
        return all.stream().filter(d -> d.name().equals(nameOrUuid) || d.uuid().equalsIgnoreCase(nameOrUuid))
                .map(DomainListing::uuid).findFirst();
    }
}
