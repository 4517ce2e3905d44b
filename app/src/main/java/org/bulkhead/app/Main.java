package org.bulkhead.app;

import org.bulkhead.app.wiring.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.bulkhead.app.gui.GuiLauncher;
import org.bulkhead.model.hypervisor.ConnectionUri;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Bulkhead's command line: no subcommand opens the window; {@code report} prints the inventory;
 * {@code create} makes a VM as the New VM wizard does; {@code disposable} runs a throw-away copy of one.
 */
@Command(name = "bulkhead", mixinStandardHelpOptions = true, version = "Bulkhead 0.1.0",
        description = "A virtual-machine manager that isolates every VM by default and shows the sVirt"
                + " label and enforcing state of each one.")
public final class Main implements Callable<Integer> {

    @Option(names = "--connect", paramLabel = "URI",
            description = "open this libvirt connection (repeatable); without it, the remembered"
                    + " connections, or test:///default")
    private List<ConnectionUri> connections = new ArrayList<>();

    @Option(names = "--debug",
            description = "print debugging messages on stderr, among them the window's start-up milestones")
    private boolean debug;

    public static void main(String[] args) {
        System.exit(commandLine(Wiring::real).execute(args));
    }

    /** The command line; {@code wiring} is only called for a command that needs libvirt. */
    static CommandLine commandLine(java.util.function.Supplier<Wiring> wiring) {
        CommandLine line = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ReportCommand.class) {
                    return type.cast(new ReportCommand(wiring.get()));
                }
                if (type == CreateCommand.class) {
                    return type.cast(new CreateCommand(wiring.get()));
                }
                if (type == KioskCommand.class) {
                    return type.cast(new KioskCommand(wiring.get()));
                }
                if (type == KioskSetupCommand.class) {
                    return type.cast(new KioskSetupCommand(wiring.get()));
                }
                if (type == DisposableCommand.class) {
                    return type.cast(new DisposableCommand(wiring.get()));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        line.addSubcommand("report", ReportCommand.class);
        line.addSubcommand("create", CreateCommand.class);
        line.addSubcommand("disposable", DisposableCommand.class);
        line.addSubcommand("kiosk", KioskCommand.class);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        // Every --connect is parsed once, here: a bad URI is one clear line and exit 2, before anything opens.
        line.registerConverter(ConnectionUri.class, text -> {
            try {
                return ConnectionUri.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
        line.setParameterExceptionHandler((problem, args) -> {
            problem.getCommandLine().getErr().println(problem.getCommandLine().getCommandSpec().qualifiedName() + ": "
                    + problem.getMessage() + " (see --help)");
            problem.getCommandLine().getErr().flush();
            return 2;
        });
        return line;
    }

    @Override
    public Integer call() {
        if (debug) {
            DebugLog.enable();
        }
        GuiLauncher.launch(connections.stream().map(ConnectionUri::text).toList());
        return 0;
    }
}
