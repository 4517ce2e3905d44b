package org.bulkhead.hostsec;

import org.bulkhead.hostsec.driver.HostFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.bulkhead.model.hostsec.ProcessLabel;

/** A process's label and effective ids, from libselinux where SELinux is on, else from procfs. */
final class ProcessLabels {

    private final HostFacts host;

    ProcessLabels(HostFacts host) {
        this.host = host;
    }

    /** Empty when the process does not exist (or exited while being read). */
    Optional<ProcessLabel> read(long pid) {
        Path process = host.procRoot().resolve(Long.toString(pid));
        String status;
        try {
            status = Files.readString(process.resolve("status"));
        } catch (IOException gone) {
            return Optional.empty();
        }
        OptionalInt uid = effectiveId(status, "Uid:");
        OptionalInt gid = effectiveId(status, "Gid:");
        if (uid.isEmpty() || gid.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> context = host.selinuxEnabled()
                ? host.libselinux().orElseThrow().getpidcon(pid)
                : lsmAttribute(process.resolve("attr/current"));
        return Optional.of(new ProcessLabel(pid, context, uid.getAsInt(), gid.getAsInt()));
    }

    /** {@code Uid:} and {@code Gid:} list real, effective, saved and filesystem ids: the second counts. */
    private static OptionalInt effectiveId(String status, String key) {
        for (String line : status.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 3 && fields[0].equals(key)) {
                return OptionalInt.of(Integer.parseInt(fields[2]));
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The active LSM's label of the process. Without an LSM the kernel refuses the read (EINVAL);
     * AppArmor appends the mode, {@code libvirt-<uuid> (enforce)}, which is not part of the label.
     */
    private static Optional<String> lsmAttribute(Path current) {
        String label;
        try {
            label = Files.readString(current).replace("\0", "").strip();
        } catch (IOException noLsm) {
            return Optional.empty();
        }
        int mode = label.lastIndexOf(" (");
        if (mode > 0 && label.endsWith(")")) {
            label = label.substring(0, mode);
        }
        return label.isEmpty() || label.equals("unconfined") ? Optional.empty() : Optional.of(label);
    }

    /** The process whose command line carries {@code -uuid UUID}, as libvirt starts QEMU. */
    /** The user IDs every process on the host runs as (the owners of /proc/PID); empty when /proc cannot be listed. */
    Optional<java.util.Set<Integer>> uids() {
        java.util.Set<Integer> uids = new java.util.HashSet<>();
        try (var entries = Files.list(host.procRoot())) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (entry.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    try {
                        uids.add((Integer) Files.getAttribute(entry, "unix:uid"));
                    } catch (IOException gone) {
                        // The process ended while listing.
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(uids);
    }

    java.util.OptionalLong startedFor(String uuid) {
        try (var entries = Files.list(host.procRoot())) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String[] args = new String(Files.readAllBytes(entry.resolve("cmdline")),
                            java.nio.charset.StandardCharsets.UTF_8).split("\0");
                    for (int i = 0; i + 1 < args.length; i++) {
                        if (args[i].equals("-uuid") && args[i + 1].equalsIgnoreCase(uuid)) {
                            return java.util.OptionalLong.of(Long.parseLong(name));
                        }
                    }
                } catch (java.io.IOException e) {
                    // The process ended while the list was read, or is not ours to read.
                }
            }
        } catch (java.io.IOException e) {
            return java.util.OptionalLong.empty();
        }
        return java.util.OptionalLong.empty();
    }
}
