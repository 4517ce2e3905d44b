package org.bulkhead.ui.connection;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The connections the user added, remembered between runs in a small JSON file, by default
 * {@code ${XDG_CONFIG_HOME:-~/.config}/bulkhead/connections.json}. Every method touches the
 * disk: call them off the FX thread.
 */
public final class KnownConnections {

    /** The file's shape; objects rather than bare strings leave room for names and options later. */
    record Contents(int version, List<Entry> connections) {
        Contents {
            connections = connections == null ? List.of() : List.copyOf(connections);
        }
    }

    record Entry(String uri) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public KnownConnections(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The default location for this user, following the XDG base directory rules. */
    public static Path defaultFile(Map<String, String> environment) {
        String config = environment.get("XDG_CONFIG_HOME");
        Path base = config != null && !config.isBlank() && Path.of(config).isAbsolute() ? Path.of(config)
                : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return base.resolve("bulkhead").resolve("connections.json");
    }

    public Path file() {
        return file;
    }

    /** The remembered URIs in the order they were added; none when the file does not exist yet. */
    public synchronized List<String> load() throws IOException {
        Contents contents;
        try {
            contents = JSON.readValue(Files.readAllBytes(file), Contents.class);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (JacksonException e) {
            throw new IOException(file + " is not a Bulkhead connections file (" + e.getOriginalMessage()
                    + "). Fix or delete it; Bulkhead writes a new one when you add a connection.", e);
        }
        return contents.connections().stream().map(Entry::uri).filter(Objects::nonNull).distinct().toList();
    }

    /** Adds a URI unless it is there already; returns the new list. */
    public synchronized List<String> remember(String uri) throws IOException {
        List<String> uris = new ArrayList<>(load());
        if (!uris.contains(uri)) {
            uris.add(uri);
            save(uris);
        }
        return List.copyOf(uris);
    }

    /** Removes a URI if present; returns the new list. */
    public synchronized List<String> forget(String uri) throws IOException {
        List<String> uris = new ArrayList<>(load());
        if (uris.remove(uri)) {
            save(uris);
        }
        return List.copyOf(uris);
    }

    private void save(List<String> uris) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // Write beside the file and rename, so a crash never leaves half a file behind.
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".connections", ".json");
        try {
            JSON.writeValue(temporary.toFile(), new Contents(1, uris.stream().map(Entry::new).toList()));
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
