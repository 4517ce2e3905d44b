package org.bulkhead.model.disposable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The disposable VMs this user's Bulkhead processes run now, in a small JSON file, so a crash
 * leaves a note of what to clean up: {@code $XDG_STATE_HOME/bulkhead/disposables.json}
 * (default {@code ~/.local/state/bulkhead/disposables.json}). Each entry names the process that
 * owns it; an entry whose process is gone is a leftover. libvirt stays the source of truth for
 * what exists: the file only says where to look.
 */
public final class LiveDisposables {

    /**
     * One running disposable VM.
     *
     * @param ownerPid     the Bulkhead process that runs it
     * @param ownerStarted when that process started, so a reused pid is not mistaken for it
     */
    public record Entry(String uri, String uuid, String name, String template, String overlay, long ownerPid,
            String ownerStarted) {
        public Entry {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(overlay, "overlay");
            Objects.requireNonNull(ownerStarted, "ownerStarted");
        }

        /** An entry owned by this process. */
        public static Entry mine(String uri, String uuid, String name, String template, String overlay) {
            ProcessHandle self = ProcessHandle.current();
            return new Entry(uri, uuid, name, template, overlay, self.pid(), started(self));
        }

        /** Whether the process that owns this entry still runs. */
        public boolean ownerAlive() {
            return ProcessHandle.of(ownerPid).map(p -> p.isAlive() && started(p).equals(ownerStarted)).orElse(false);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public LiveDisposables(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The file under the user's XDG state directory, from {@code environment}. */
    public static LiveDisposables forUser(Map<String, String> environment) {
        String state = environment.get("XDG_STATE_HOME");
        Path base = state != null && state.startsWith("/") ? Path.of(state)
                : Path.of(Optional.ofNullable(environment.get("HOME")).filter(h -> h.startsWith("/"))
                        .orElse(System.getProperty("user.home")), ".local", "state");
        return new LiveDisposables(base.resolve("bulkhead").resolve("disposables.json"));
    }

    public Path file() {
        return file;
    }

    public void add(Entry entry) {
        update(all -> {
            all.removeIf(e -> e.uuid().equals(entry.uuid()) && e.uri().equals(entry.uri()));
            all.add(entry);
        });
    }

    public void remove(String uri, String uuid) {
        update(all -> all.removeIf(e -> e.uuid().equals(uuid) && e.uri().equals(uri)));
    }

    /** Every entry. */
    public List<Entry> all() {
        synchronized (LiveDisposables.class) {
            return read();
        }
    }

    /** Entries whose Bulkhead process is gone: what a crash left behind. */
    public List<Entry> orphaned() {
        return all().stream().filter(Predicate.not(Entry::ownerAlive)).toList();
    }

    private interface Change {
        void apply(List<Entry> entries);
    }

    /** Read, change and write under a file lock: a window and a kiosk of one user may share the file. */
    private void update(Change change) {
        synchronized (LiveDisposables.class) {
            try {
                Files.createDirectories(file.getParent());
                Path lock = file.resolveSibling(file.getFileName() + ".lock");
                try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock held = channel.lock()) {
                    List<Entry> entries = read();
                    change.apply(entries);
                    Path temporary = file.resolveSibling(file.getFileName() + ".new");
                    JSON.writeValue(temporary.toFile(), entries);
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not update the list of running disposable VMs in " + file
                        + ": " + e.getMessage(), e);
            }
        }
    }

    private List<Entry> read() {
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(JSON.readValue(file.toFile(), new TypeReference<List<Entry>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the list of running disposable VMs in " + file + ": "
                    + e.getMessage() + ". Delete the file after checking with virsh list --transient that no"
                    + " disposable VM is left.", e);
        }
    }

    private static String started(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("");
    }
}
