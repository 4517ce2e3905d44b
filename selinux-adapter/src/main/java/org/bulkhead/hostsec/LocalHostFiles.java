package org.bulkhead.hostsec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bulkhead.model.provision.HostFiles;

/** {@link HostFiles} on this machine, through the JDK's file attributes. */
public final class LocalHostFiles implements HostFiles {

    private static final Path SYSTEM_ALLOW_LIST = Path.of("/etc/bulkhead/allowed-sources");

    private final Map<String, String> environment;
    private final Path systemAllowList;

    public LocalHostFiles() {
        this(System.getenv(), SYSTEM_ALLOW_LIST);
    }

    /** @param environment where HOME and XDG_CONFIG_HOME come from; {@code systemAllowList} the administrator's list */
    public LocalHostFiles(Map<String, String> environment, Path systemAllowList) {
        this.environment = Map.copyOf(environment);
        this.systemAllowList = systemAllowList;
    }

    @Override
    public Optional<PathFacts> facts(Path path) {
        try {
            Map<String, Object> unix = Files.readAttributes(path,
                    "unix:uid,gid,mode,isDirectory,isRegularFile,dev,ino,nlink");
            FileStore store = Files.getFileStore(path);
            return Optional.of(new PathFacts(path, (Integer) unix.get("uid"), (Integer) unix.get("gid"),
                    (Integer) unix.get("mode"), (Boolean) unix.get("isDirectory"), store.type(),
                    store.supportsFileAttributeView(UserDefinedFileAttributeView.class), path.toRealPath(),
                    unix.get("dev") + ":" + unix.get("ino"), (Integer) unix.get("nlink"),
                    (Boolean) unix.get("isRegularFile")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the attributes of " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void allowTraverse(Path dir) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(dir, permissions);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not let everyone traverse " + dir + ": " + e.getMessage()
                    + ". Run as root: " + allowTraverseCommand(dir), e);
        }
    }

    @Override
    public String allowTraverseCommand(Path dir) {
        return "chmod o+x " + ShellQuoting.quote(dir.toString());
    }

    @Override
    public void setMode(Path file, int mode) {
        try {
            Files.setAttribute(file, "unix:mode", mode & 07777);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not change the permissions of " + file + " to "
                    + String.format("%04o", mode & 07777) + ": " + e.getMessage() + ". Run as its owner or root: chmod "
                    + String.format("%04o", mode & 07777) + " " + ShellQuoting.quote(file.toString()), e);
        }
    }

    @Override
    public Path copyInto(Path file, Path dir, int mode) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        try {
            int original = (Integer) Files.getAttribute(file, "unix:mode");
            Set<PosixFilePermission> bits = EnumSet.noneOf(PosixFilePermission.class);
            for (PosixFilePermission permission : PosixFilePermission.values()) {
                if ((bitOf(permission) & original & mode) != 0) {
                    bits.add(permission);
                }
            }
            for (int n = 0; n < 1000; n++) {
                Path target = dir.resolve(n == 0 ? name : stem + "-" + n + extension);
                try {
                    // Created with its final permissions, so the copy is never readable by more people than it should be.
                    Files.createFile(target, PosixFilePermissions.asFileAttribute(bits));
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
                try {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setAttribute(target, "unix:mode", original & mode & 0777);
                    return target;
                } catch (IOException e) {
                    Files.deleteIfExists(target);
                    throw e;
                }
            }
            throw new IOException("every name like " + name + " is taken in " + dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + file + " into " + dir + ": " + e.getMessage()
                    + ". Copy it yourself: cp " + ShellQuoting.quote(file.toString()) + " "
                    + ShellQuoting.quote(dir + "/"), e);
        }
    }

    private static int bitOf(PosixFilePermission permission) {
        return 0400 >> permission.ordinal();
    }

    @Override
    public int userId() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not tell which user runs Bulkhead: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Path> userHome() {
        return Optional.ofNullable(environment.get("HOME")).filter(h -> h.startsWith("/")).map(Path::of)
                .filter(h -> h.getNameCount() > 0);
    }

    @Override
    public List<Path> allowedSourceDirectories() {
        List<Path> dirs = new ArrayList<>(read(systemAllowList));
        String config = environment.get("XDG_CONFIG_HOME");
        Optional<Path> base = config != null && config.startsWith("/") ? Optional.of(Path.of(config))
                : userHome().map(h -> h.resolve(".config"));
        base.ifPresent(b -> dirs.addAll(read(b.resolve("bulkhead/allowed-sources"))));
        return List.copyOf(dirs);
    }

    /** Absolute directories, one per line; '#' starts a comment. A missing file allows nothing. */
    private static List<Path> read(Path list) {
        try {
            List<Path> dirs = new ArrayList<>();
            for (String line : Files.readAllLines(list)) {
                String entry = line.replaceFirst("#.*", "").strip();
                if (entry.startsWith("/")) {
                    try {
                        dirs.add(Path.of(entry).normalize());
                    } catch (InvalidPathException e) {
                        // A line that is no path allows nothing.
                    }
                }
            }
            return dirs;
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the list of allowed VM sources " + list + ": "
                    + e.getMessage(), e);
        }
    }
}
