package org.bulkhead.hostsec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bulkhead.model.provision.HostFiles;

/** {@link HostFiles} on this machine, through the JDK's file attributes. */
public final class LocalHostFiles implements HostFiles {

    @Override
    public Optional<PathFacts> facts(Path path) {
        try {
            Map<String, Object> unix = Files.readAttributes(path, "unix:uid,gid,mode,isDirectory");
            FileStore store = Files.getFileStore(path);
            return Optional.of(new PathFacts(path, (Integer) unix.get("uid"), (Integer) unix.get("gid"),
                    (Integer) unix.get("mode"), (Boolean) unix.get("isDirectory"), store.type(),
                    store.supportsFileAttributeView(UserDefinedFileAttributeView.class)));
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
}
