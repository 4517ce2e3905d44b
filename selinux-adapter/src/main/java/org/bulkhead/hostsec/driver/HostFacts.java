package org.bulkhead.hostsec.driver;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.bulkhead.hostsec.jna.JnaLibselinux;
import org.bulkhead.hostsec.jna.Libselinux;

/**
 * Where this adapter reads the host from: the kernel's name, the sysfs and procfs roots, the
 * libselinux binding if one loaded, and the file-context policy to consult. Tests build their
 * own to take the probe through hosts this machine is not.
 *
 * @param fileContexts a {@code file_contexts} file to answer default labels from; empty to use
 *                     the installed policy's, as restorecon does
 */
public record HostFacts(String osName, Path sysRoot, Path procRoot, Optional<Libselinux> libselinux,
        Optional<Path> fileContexts) {

    /** The machine this JVM runs on. */
    public static HostFacts thisHost() {
        return new HostFacts(System.getProperty("os.name"), Path.of("/sys"), Path.of("/proc"),
                JnaLibselinux.load(), Optional.empty());
    }

    public boolean isLinux() {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /** libselinux loaded and reports SELinux on: only then may its policy be asked anything. */
    public boolean selinuxEnabled() {
        return libselinux.map(Libselinux::isSelinuxEnabled).orElse(false);
    }

    public HostFacts withOsName(String name) {
        return new HostFacts(name, sysRoot, procRoot, libselinux, fileContexts);
    }

    public HostFacts withSysRoot(Path root) {
        return new HostFacts(osName, root, procRoot, libselinux, fileContexts);
    }

    public HostFacts withProcRoot(Path root) {
        return new HostFacts(osName, sysRoot, root, libselinux, fileContexts);
    }

    public HostFacts withLibselinux(Optional<Libselinux> binding) {
        return new HostFacts(osName, sysRoot, procRoot, binding, fileContexts);
    }

    public HostFacts withFileContexts(Path file) {
        return new HostFacts(osName, sysRoot, procRoot, libselinux, Optional.of(file));
    }
}
