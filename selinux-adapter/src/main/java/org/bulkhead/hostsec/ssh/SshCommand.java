package org.bulkhead.hostsec.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.bulkhead.model.hypervisor.ConnectionUri;

/**
 * The system's {@code ssh} to one host, run with a shell command and no terminal. Built from
 * an ssh command line, or from a libvirt {@code qemu+ssh://} URI the way libvirt builds its own
 * (user, port, {@code keyfile}, {@code no_verify}), so what reaches libvirtd reaches the files too.
 * Commands to one host share one SSH connection ({@link SshConnections}).
 */
final class SshCommand {

    record Result(int exitCode, String output) {
    }

    private static final long TIMEOUT_SECONDS = 30;

    private final List<String> words;
    private final Supplier<SshConnections> connections;

    SshCommand(List<String> words) {
        this(words, SshConnections::shared);
    }

    /** @param connections where this host's shared connection lives (this process's, or a test's own) */
    SshCommand(List<String> words, Supplier<SshConnections> connections) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("an ssh command line needs at least the destination");
        }
        this.words = List.copyOf(words);
        this.connections = connections;
    }

    static Optional<SshCommand> forLibvirtUri(String text) {
        try {
            return ConnectionUri.parse(text).sshCommandLine().map(SshCommand::new);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    List<String> words() {
        return words;
    }

    /** Runs {@code shellCommand} on the host; the output is stdout and stderr together. */
    Result run(String shellCommand) {
        List<String> command = new ArrayList<>(words);
        if (java.nio.file.Path.of(words.get(0)).getFileName().toString().equals("ssh")) {
            command.addAll(1, connections.get().options(words));
        }
        command.add(shellCommand);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), output.strip());
        } catch (IOException e) {
            return new Result(-1, "cannot run ssh: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    /** Runs a POSIX shell script on the host with {@code arguments} as its {@code $@}. */
    Result runScript(String script, List<String> arguments) {
        StringBuilder command = new StringBuilder("sh -c ").append(quote(script)).append(" sh");
        arguments.forEach(argument -> command.append(' ').append(quote(argument)));
        return run(command.toString());
    }

    /** One word for the remote shell. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    @Override
    public String toString() {
        return String.join(" ", words);
    }
}
