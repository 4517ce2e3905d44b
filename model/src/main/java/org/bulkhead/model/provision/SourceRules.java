package org.bulkhead.model.provision;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which existing files Bulkhead may hand to a VM. Starting a VM relabels (or chowns) its files
 * for that VM, so a file given to it stops being what it was for everyone else: Bulkhead gives a
 * VM only files that are plainly meant for VMs, by their real path (symbolic links resolved):
 * <ul>
 * <li>files in the directory of one of the connection's storage pools;</li>
 * <li>the user's own files in their home folder (not in hidden folders such as {@code ~/.ssh});</li>
 * <li>files in a folder on the allow list ({@link HostFiles#allowedSourceDirectories()}).</li>
 * </ul>
 * Never a system file (under {@code /etc}, {@code /usr}, {@code /boot}, ...), whatever the lists
 * say, never something that is not a plain file, and never a file with more than one name (a
 * hard link can be a system file under another name).
 */
public final class SourceRules {

    /** Folders of the operating system: nothing in them is a VM's to take, whatever a list says. */
    static final List<Path> SYSTEM = List.of("/etc", "/usr", "/boot", "/proc", "/sys", "/dev", "/run", "/var/run",
            "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/var/log", "/var/spool", "/var/mail",
            "/var/lib/libvirt/qemu", "/var/lib/dpkg", "/var/lib/apt").stream().map(Path::of).toList();

    private final List<Path> poolDirectories;
    private final List<Path> allowList;
    private final Optional<Path> home;
    private final int userId;

    public SourceRules(List<Path> poolDirectories, List<Path> allowList, Optional<Path> home, int userId) {
        this.poolDirectories = poolDirectories.stream().map(Path::normalize).toList();
        this.allowList = allowList.stream().map(Path::normalize).toList();
        this.home = home.map(Path::normalize);
        this.userId = userId;
    }

    /** The rules for this machine: its pools' directories, the allow lists and the user's home. */
    public static SourceRules local(List<Path> poolDirectories, HostFiles files) {
        return new SourceRules(poolDirectories, files.allowedSourceDirectories(), files.userHome(), files.userId());
    }

    /** Why {@code facts} may not be handed to a VM, or empty when it may. */
    public Optional<String> refusal(HostFiles.PathFacts facts) {
        Path real = facts.realPath().normalize();
        String named = facts.path().equals(real) ? facts.path().toString()
                : facts.path() + " (really " + real + ")";
        if (isSystem(real)) {
            return Optional.of(named + " is a system file: a VM is never given one, because starting the VM would"
                    + " change its owner or label for as long as the VM runs and after");
        }
        if (!facts.regularFile()) {
            return Optional.of(named + " is not a plain file (a directory, device, pipe or socket)");
        }
        if (facts.links() > 1) {
            return Optional.of(named + " has " + facts.links() + " names (hard links), so it may be another file"
                    + " under a name Bulkhead cannot see");
        }
        if (under(real, poolDirectories) || under(real, allowList) || ownedInHome(real, facts.uid())) {
            return Optional.empty();
        }
        return Optional.of(named + " is outside what Bulkhead hands to a VM: " + rule());
    }

    /** Whether a path as written (not resolved) lies in a pool directory: all that can be said of a remote host. */
    public boolean inPool(Path path) {
        return under(path.normalize(), poolDirectories);
    }

    /** The rule in one sentence, for findings. */
    public String rule() {
        String pools = poolDirectories.isEmpty() ? "a storage pool's folder"
                : "a storage pool's folder (" + poolDirectories.stream().map(Path::toString).distinct()
                        .collect(Collectors.joining(", ")) + ")";
        return pools + ", your own files in your home folder" + home.map(h -> " (" + h + ")").orElse("")
                + ", or a folder listed in /etc/bulkhead/allowed-sources or ~/.config/bulkhead/allowed-sources";
    }

    public List<Path> poolDirectories() {
        return poolDirectories;
    }

    static boolean isSystem(Path real) {
        return real.getNameCount() == 0 || SYSTEM.stream().anyMatch(real::startsWith);
    }

    private boolean ownedInHome(Path real, int owner) {
        if (home.isEmpty() || owner != userId || !real.startsWith(home.get()) || real.equals(home.get())) {
            return false;
        }
        Path inside = home.get().relativize(real);
        for (Path part : inside) {
            if (part.toString().startsWith(".")) {
                return false; // ~/.ssh, ~/.gnupg, ~/.config: a user's secrets and settings, not VM images
            }
        }
        return true;
    }

    private static boolean under(Path real, List<Path> dirs) {
        return dirs.stream().anyMatch(dir -> dir.getNameCount() > 0 && real.startsWith(dir) && !real.equals(dir));
    }
}
