package org.bulkhead.app;

import org.bulkhead.app.wiring.Wiring;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import org.bulkhead.app.report.Inventory;
import org.bulkhead.model.audit.DenialTrails;
import org.bulkhead.model.hypervisor.ConnectionUri;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.store.Compartments;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.store.DomainSnapshot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulkhead report}: every domain of one connection with its labels, planned and actual. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Prints each domain's state, security model, labels and enforcing state, and for each"
                + " of its files the planned label beside the actual one where this host can read it.")
final class ReportCommand implements Callable<Integer> {

    enum Format { json, table }

    @Spec
    private CommandSpec spec;

    @Option(names = "--connect", paramLabel = "URI", defaultValue = "test:///default",
            description = "libvirt connection URI (default: ${DEFAULT-VALUE})")
    private ConnectionUri uri;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "json or table (default: ${DEFAULT-VALUE})")
    private Format format;

    private final Wiring wiring;

    ReportCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (HypervisorConnection connection = wiring.hypervisor().open(uri.text())) {
            HostContext host = wiring.inspector().probeHost(connection);
            List<DomainSnapshot> domains = Compartments.mark(connection.listDomains().stream()
                    .map(record -> wiring.inspector().snapshot(host, record)).toList()).stream()
                    .sorted(Comparator.comparing(DomainSnapshot::name))
                    .toList();
            DenialTrails denials = wiring.denials(java.util.Optional.of(host), domains);
            out.print(format == Format.json ? Inventory.json(host, domains, denials)
                    : Inventory.table(host, domains, denials));
            out.flush();
            return 0;
        } catch (HypervisorException e) {
            err.println("bulkhead report: " + e.userMessage());
            err.flush();
            return 2;
        }
    }
}
