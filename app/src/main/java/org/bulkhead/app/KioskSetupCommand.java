package org.bulkhead.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import org.bulkhead.app.wiring.Wiring;
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
 * {@code bulkhead kiosk setup}: checks the template, makes its image shared read-only content
 * and writes the system-wide kiosk profile that {@code bulkhead kiosk} reads.
 */
@Command(name = "setup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sets up the kiosk (as root): which shut-off VM guest sessions copy, for which local users"
                + " or groups, with how much memory, full screen or windowed, with or without a network. Checks the"
                + " template, makes its image shared read-only content, and writes the profile (docs/kiosk.md).",
                "Exit codes: 0 written; 1 no connection; 2 bad arguments or an unusable template; 4 the files"
                + " could not be written."})
final class KioskSetupCommand implements Callable<Integer> {

    static final int WRITE_FAILED = 4;

    @Spec
    private CommandSpec spec;

    @Option(names = "--template", required = true, paramLabel = "VM", description = "the shut-off VM guest sessions copy")
    private String template;

    @Option(names = "--connect", paramLabel = "URI", defaultValue = "qemu:///system",
            description = "libvirt connection URI (default: ${DEFAULT-VALUE})")
    private String connect;

    @Option(names = "--users", split = ",", paramLabel = "NAME", description = "local users who get the kiosk")
    private List<String> users = new ArrayList<>();

    @Option(names = "--groups", split = ",", paramLabel = "GROUP", description = "local groups whose members get it")
    private List<String> groups = new ArrayList<>();

    @Option(names = "--memory", paramLabel = "MiB", description = "memory of each session's VM (default: the template's)")
    private Long memory;

    @Option(names = "--windowed", description = "a window instead of full screen")
    private boolean windowed;

    @Option(names = "--network", description = "give sessions the template's network (default: none)")
    private boolean network;

    @Option(names = "--file", paramLabel = "FILE", defaultValue = KioskProfile.SYSTEM_FILE,
            description = "where to write the profile (default: ${DEFAULT-VALUE})")
    private Path file;

    @Option(names = "--polkit-rules", paramLabel = "FILE", defaultValue = KioskPolicy.RULES_FILE,
            description = "where to write the access rules for guest users (default: ${DEFAULT-VALUE})")
    private Path rules;

    @Option(names = "--libvirtd-conf", paramLabel = "FILE", defaultValue = "/etc/libvirt/libvirtd.conf",
            description = "libvirtd's configuration, checked for the access driver (default: ${DEFAULT-VALUE})")
    private Path libvirtdConf;

    private final Wiring wiring;

    KioskSetupCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KioskProfile profile;
        try {
            profile = new KioskProfile(connect, template, memory == null ? OptionalLong.empty() : OptionalLong.of(memory),
                    users, groups, !windowed, network);
        } catch (IllegalArgumentException e) {
            err.println("bulkhead kiosk setup: " + e.getMessage());
            return DisposableRun.BAD_TEMPLATE;
        }
        HypervisorConnection connection;
        try {
            connection = wiring.hypervisor().open(connect);
        } catch (HypervisorException e) {
            err.println("bulkhead kiosk setup: " + e.userMessage());
            return DisposableRun.NO_CONNECTION;
        }
        try (connection) {
            Optional<String> uuid = connection.listNames().stream().filter(d -> d.name().equals(template))
                    .map(DomainListing::uuid).findFirst();
            if (uuid.isEmpty()) {
                err.println("bulkhead kiosk setup: there is no VM '" + template + "' on " + connect);
                return DisposableRun.BAD_TEMPLATE;
            }
            try {
                String image = wiring.disposables(connection, LiveDisposables.forUser(System.getenv()))
                        .prepareTemplate(uuid.get(), out::println);
                out.println("Template: '" + template + "', image " + image + " (read by every session, written by none).");
                Path imagePath = Path.of(image);
                Optional<String> pool = connection.storagePools().stream()
                        .filter(p -> p.targetPath().map(t -> Path.of(t).equals(imagePath.getParent())).orElse(false))
                        .map(p -> p.name()).findFirst();
                if (pool.isEmpty()) {
                    err.println("bulkhead kiosk setup: no storage pool holds " + image + ", and each session's overlay"
                            + " goes beside it; define one: virsh pool-define-as NAME dir --target "
                            + imagePath.getParent() + " && virsh pool-start NAME && virsh pool-autostart NAME");
                    return DisposableRun.BAD_TEMPLATE;
                }
                policy = new KioskPolicy.Template(template, pool.get(), imagePath.getFileName().toString());
            } catch (IllegalArgumentException | IllegalStateException | HypervisorException e) {
                err.println("bulkhead kiosk setup: " + (e instanceof HypervisorException h ? h.userMessage() : e.getMessage()));
                return DisposableRun.BAD_TEMPLATE;
            }
        }
        try {
            write(file, profile.toFileText());
            write(rules, KioskPolicy.rules(profile, policy));
        } catch (IOException e) {
            err.println("bulkhead kiosk setup: could not write " + e.getMessage() + " (run it as root)");
            return WRITE_FAILED;
        }
        out.println("Wrote " + file + ":");
        profile.toFileText().lines().filter(l -> !l.startsWith("#")).forEach(l -> out.println("  " + l));
        out.println("Wrote " + rules + ": kiosk users may connect to libvirt, read the template, and control only"
                + " the domains and volumes named " + KioskPolicy.sessionPrefix("USER") + "..., their own sessions.");
        if (accessDriverOn(libvirtdConf)) {
            out.println(libvirtdConf + " has " + KioskPolicy.ACCESS_DRIVERS + ": libvirtd checks every call of a guest"
                    + " against these rules.");
        } else {
            out.println("NOT IN FORCE YET: " + libvirtdConf + " lacks " + KioskPolicy.ACCESS_DRIVERS + ". Add that line"
                    + " and restart libvirtd; until then do not put guests in the libvirt group, which is as good as root.");
        }
        out.println("Guest users start a session with: bulkhead kiosk");
        return 0;
    }

    private KioskPolicy.Template policy;

    /** Whether libvirtd's configuration names the polkit access driver on a line of its own, not commented out. */
    static boolean accessDriverOn(Path conf) {
        try {
            return Files.readAllLines(conf).stream().map(String::strip)
                    .anyMatch(l -> l.matches("access_drivers\\s*=\\s*\\[\\s*\"polkit\"\\s*\\]"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Written whole or not at all, readable by everyone (the session runs as the guest), writable by root. */
    static void write(Path target, String text) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path temporary = target.resolveSibling(target.getFileName() + ".new");
        Files.writeString(temporary, text);
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException(target + ": " + e.getMessage(), e);
        }
    }
}
