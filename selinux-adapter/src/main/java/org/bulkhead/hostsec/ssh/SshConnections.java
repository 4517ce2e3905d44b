package org.bulkhead.hostsec.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The shared SSH connections to remote hosts (OpenSSH's connection sharing): commands to one
 * host go through one connection, so a re-check every few seconds costs a command, not a key
 * exchange. Their sockets live in a folder only this user can enter, under
 * {@code $XDG_RUNTIME_DIR} when it is set (a per-login folder the system empties at logout),
 * else in the temporary folder. {@link #close} ends every connection ({@code ssh -O exit}) and
 * removes the folder; the process-wide one closes when Bulkhead exits. A socket's path must fit
 * the kernel's 108 bytes with the 17 ssh adds while it makes one: the folder and socket names
 * are short (one number per ssh command line), and a runtime folder too deep is passed over.
 */
public final class SshConnections implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SshConnections.class.getName());
    private static final long EXIT_TIMEOUT_SECONDS = 5;
    /** The longest socket path ssh can use (108 bytes with the NUL), less the temporary suffix it adds. */
    static final int MAX_SOCKET_PATH = 107 - 17;
    /** The folder's name and a socket's: "bulkhead-ssh-" + 8 hex digits, "/" + a short number. */
    private static final int NAMES = "bulkhead-ssh-".length() + 8 + 1 + 4;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static volatile SshConnections shared;

    private final Optional<Path> folder;
    private final Map<List<String>, String> sockets = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;

    private SshConnections(Optional<Path> folder) {
        this.folder = folder;
    }

    /** The connections of this process, made on first use and closed when it exits. */
    static SshConnections shared() {
        SshConnections current = shared;
        if (current == null) {
            synchronized (SshConnections.class) {
                current = shared;
                if (current == null) {
                    current = in(System.getenv());
                    Runtime.getRuntime().addShutdownHook(new Thread(current::close, "bulkhead-ssh-close"));
                    shared = current;
                }
            }
        }
        return current;
    }

    /** Ends this process's shared connections now (they are made again on the next command). */
    public static void closeShared() {
        synchronized (SshConnections.class) {
            if (shared != null) {
                shared.close();
                shared = null;
            }
        }
    }

    /**
     * A new private folder under {@code environment}'s {@code XDG_RUNTIME_DIR} when that is a
     * folder short enough for socket paths, else under {@code java.io.tmpdir}; without one (no
     * POSIX permissions, say) every command makes its own connection, as plain ssh does.
     */
    static SshConnections in(Map<String, String> environment) {
        List<Path> parents = new ArrayList<>();
        Optional.ofNullable(environment.get("XDG_RUNTIME_DIR")).filter(s -> !s.isBlank()).map(Path::of)
                .filter(Files::isDirectory).ifPresent(parents::add);
        parents.add(Path.of(System.getProperty("java.io.tmpdir")));
        for (Path parent : parents) {
            Path absolute = parent.toAbsolutePath();
            if (absolute.toString().length() + 1 + NAMES > MAX_SOCKET_PATH) {
                LOG.log(System.Logger.Level.DEBUG, absolute + " is too deep for ssh's socket paths");
                continue;
            }
            try {
                return new SshConnections(Optional.of(privateFolder(absolute)));
            } catch (IOException | UnsupportedOperationException e) {
                LOG.log(System.Logger.Level.WARNING, "no private folder for shared ssh connections in " + absolute
                        + " (" + e.getMessage() + ")");
            }
        }
        LOG.log(System.Logger.Level.WARNING, "each command to a remote host connects on its own: no folder for"
                + " shared ssh connections in " + parents);
        return new SshConnections(Optional.empty());
    }

    /** Made with mode 0700 at once, so no one else ever sees it open; a name taken is tried again. */
    private static Path privateFolder(Path parent) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path folder = parent.resolve(String.format("bulkhead-ssh-%08x", RANDOM.nextInt()));
            try {
                return Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                if (attempt == 20) {
                    throw taken;
                }
            }
        }
    }

    /** The folder holding the sockets, if there is one. */
    Optional<Path> folder() {
        return folder;
    }

    /**
     * The options that make {@code command} (an ssh command line, program first) share its
     * host's connection; none once closed or without a folder.
     */
    List<String> options(List<String> command) {
        if (closed || folder.isEmpty()) {
            return List.of();
        }
        // One socket per command line, named by a number: ssh's own %C (a 40-digit hash) may not fit.
        String socket = sockets.computeIfAbsent(List.copyOf(command), c -> Integer.toString(next.getAndIncrement()));
        return List.of("-o", "ControlMaster=auto", "-o", "ControlPath=" + folder.get().resolve(socket),
                "-o", "ControlPersist=60");
    }

    /** Ends each shared connection and removes the folder with whatever is left in it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (folder.isEmpty()) {
            return;
        }
        for (Map.Entry<List<String>, String> socket : sockets.entrySet()) {
            List<String> command = socket.getKey();
            List<String> exit = new ArrayList<>(command);
            exit.addAll(1, List.of("-o", "ControlPath=" + folder.get().resolve(socket.getValue()), "-O", "exit"));
            try {
                Process process = new ProcessBuilder(exit).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                process.getOutputStream().close();
                if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "could not end the shared ssh connection of " + command, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try (Stream<Path> files = Files.walk(folder.get())) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove " + folder.get() + ": " + e.getMessage());
        }
    }
}
