package org.bulkhead.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.bulkhead.app.gui.KioskWindow;
import org.bulkhead.app.wiring.Wiring;
import org.bulkhead.model.disposable.Disposable;
import org.bulkhead.model.disposable.DisposableVms;
import org.bulkhead.model.disposable.DisposableXml;
import org.bulkhead.model.disposable.Leftovers;
import org.bulkhead.model.disposable.LiveDisposables;
import org.bulkhead.model.hypervisor.DomainListing;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.kiosk.KioskPolicy;
import org.bulkhead.model.kiosk.KioskProfile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bulkhead kiosk}: a guest session. Starts a fresh disposable VM of the kiosk's template,
 * shows only its console (full screen unless the kiosk says windowed), and when the window
 * closes, the guest powers off or the session ends (logout's SIGHUP or SIGTERM), destroys the VM
 * and deletes its overlay.
 */
@Command(name = "kiosk", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = KioskSetupCommand.class,
        description = {"Opens a guest session: the console of a fresh, isolated, disposable VM of the kiosk's"
                + " template, and nothing else. On quit or logout the VM is destroyed and its overlay deleted.",
                "Exit codes: 0 ended, nothing left; 1 no connection; 2 no kiosk set up, or its template is"
                + " missing or unusable; 3 this user does not get the kiosk, or the VM was refused; 5 libvirt"
                + " could not start it; 6 ended, but something is left (named on stderr)."})
final class KioskCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = KioskProfile.SYSTEM_FILE,
            description = "the kiosk profile (default: ${DEFAULT-VALUE})")
    private Path config;

    private final Wiring wiring;

    KioskCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KioskProfile profile;
        try {
            profile = KioskProfile.parse(Files.readString(config), config.toString());
        } catch (NoSuchFileException e) {
            err.println("bulkhead kiosk: no kiosk is set up here (" + config + " is missing); an administrator sets"
                    + " one up with: sudo bulkhead kiosk setup --template VM --users NAME");
            return DisposableRun.BAD_TEMPLATE;
        } catch (IOException | IllegalArgumentException e) {
            err.println("bulkhead kiosk: " + e.getMessage());
            return DisposableRun.BAD_TEMPLATE;
        }
        String user = System.getProperty("user.name");
        if (!profile.allows(user, groupsOf(user))) {
            err.println("bulkhead kiosk: the kiosk in " + config + " is not for the user '" + user + "' (users: "
                    + String.join(", ", profile.users()) + "; groups: " + String.join(", ", profile.groups()) + ")");
            return DisposableRun.REFUSED;
        }
        try {
            KioskWindow.startToolkit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DisposableRun.START_FAILED;
        }
        LiveDisposables live = LiveDisposables.forUser(System.getenv());
        Leftovers.cleanOrphans(live, wiring.hypervisor()::open).forEach(err::println);
        HypervisorConnection connection;
        try {
            connection = wiring.hypervisor().open(profile.connect());
        } catch (HypervisorException e) {
            err.println("bulkhead kiosk: " + e.userMessage());
            return DisposableRun.NO_CONNECTION;
        }
        try (connection) {
            Optional<String> template = connection.listNames().stream()
                    .filter(d -> d.name().equals(profile.template())).map(DomainListing::uuid).findFirst();
            if (template.isEmpty()) {
                err.println("bulkhead kiosk: the kiosk's template '" + profile.template() + "' is not on "
                        + profile.connect() + " for this user; ask the administrator to check " + config);
                return DisposableRun.BAD_TEMPLATE;
            }
            DisposableVms vms = wiring.disposables(connection, live);
            DisposableRun run;
            try {
                run = DisposableRun.start("bulkhead kiosk", vms, template.get(),
                        new DisposableXml.Options(profile.memoryMiB(), profile.network(),
                                Optional.of(KioskPolicy.sessionPrefix(user))), out, err);
            } catch (DisposableRun.NotStarted e) {
                return e.code;
            }
            Disposable disposable = run.disposable();
            out.println("Guest session on '" + disposable.name() + "' (label " + disposable.label() + ").");
            out.flush();
            try {
                KioskWindow.show(wiring, vms, disposable, profile.fullScreen(), out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return run.finish(); // before the connection closes
        }
    }

    /** The user's groups, as {@code id -Gn} lists them; none when that cannot be read. */
    static Set<String> groupsOf(String user) {
        try {
            Process id = new ProcessBuilder("id", "-Gn", user).redirectErrorStream(true).start();
            String text = new String(id.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return id.waitFor() == 0 ? new HashSet<>(Arrays.asList(text.strip().split("\\s+"))) : Set.of();
        } catch (IOException e) {
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }
}
