package org.bulkhead.hostsec;

import org.bulkhead.hostsec.driver.HostFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bulkhead.hostsec.driver.AppArmorDriver;
import org.bulkhead.hostsec.driver.SecurityDriver;
import org.bulkhead.hostsec.jna.Errno;
import org.bulkhead.hostsec.jna.ErrnoException;
import org.bulkhead.hostsec.jna.Libc;
import org.bulkhead.hostsec.jna.Libselinux;
import org.bulkhead.model.audit.AuditReading;
import org.bulkhead.model.hostsec.AppArmorFileRules;
import org.bulkhead.model.hostsec.EnforcementFacts;
import org.bulkhead.model.hostsec.FileLabel;
import org.bulkhead.model.hostsec.FileLabelException;
import org.bulkhead.model.hostsec.FileLabelException.Reason;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.hostsec.ProcessLabel;
import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.bulkhead.model.label.AppArmorLabel;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.SecurityContext;
import org.bulkhead.model.label.SecurityModel;

/**
 * {@link HostSecurity} for the machine Bulkhead runs on: the driver is probed once, its state is
 * re-read on every {@link #driver()} call. Holds no mutable state, so any thread may use it.
 */
public final class LocalHostSecurity implements HostSecurity {

    private static final LinkOption[] FOLLOW = {};
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final HostFacts host;
    private final SecurityDriver driver;
    private final Optional<Libc> libc;
    private final Optional<ContextStore> contexts;
    private final ProcessLabels processes;
    private final AuditLogFile auditLog;

    private LocalHostSecurity(HostFacts host, SecurityDriver driver, Optional<Libc> libc, AuditLogFile auditLog) {
        this.host = host;
        this.driver = driver;
        this.libc = libc;
        this.contexts = host.libselinux().<ContextStore>map(LibselinuxContextStore::new)
                .or(() -> libc.map(XattrContextStore::new));
        this.processes = new ProcessLabels(host);
        this.auditLog = auditLog;
    }

    /** Probes this machine and labels its files. */
    public static LocalHostSecurity create() {
        return create(HostFacts.thisHost());
    }

    /** For a host described by {@code host}; files are still this machine's. */
    public static LocalHostSecurity create(HostFacts host) {
        Optional<Libc> libc = host.isLinux() ? Libc.load() : Optional.empty();
        return new LocalHostSecurity(host, HostSecurityProbe.probe(host), libc, new AuditLogFile(AuditLogFile.DEFAULT));
    }

    /** This machine, with its audit log read from {@code auditLog} instead of auditd's default. */
    public static LocalHostSecurity withAuditLog(Path auditLog) {
        HostFacts host = HostFacts.thisHost();
        Optional<Libc> libc = host.isLinux() ? Libc.load() : Optional.empty();
        return new LocalHostSecurity(host, HostSecurityProbe.probe(host), libc, new AuditLogFile(auditLog));
    }

    /** The probed driver itself, which also validates labels in its model's format. */
    public SecurityDriver securityDriver() {
        return driver;
    }

    @Override
    public SecurityDriverInfo driver() {
        return driver.describe(host);
    }

    @Override
    public FileLabel readLabel(Path file, boolean followLinks) {
        Map<String, Object> unix;
        try {
            unix = Files.readAttributes(file, "unix:uid,gid,mode", links(followLinks));
        } catch (IOException e) {
            throw FileLabelErrors.of(e, file, "read the label of");
        }
        return new FileLabel(file, readContext(file, followLinks),
                (Integer) unix.get("uid"), (Integer) unix.get("gid"), (Integer) unix.get("mode"));
    }

    private Optional<String> readContext(Path file, boolean followLinks) {
        try {
            return contextStore(file).read(file, followLinks);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EOPNOTSUPP) {
                return Optional.empty(); // a filesystem without labels carries none; writing is what fails
            }
            throw FileLabelErrors.of(e, file, "read the SELinux label of");
        }
    }

    @Override
    public void setSelinuxLabel(Path file, String context, boolean followLinks) {
        validateContext(file, context);
        try {
            contextStore(file).write(file, context, followLinks);
        } catch (ErrnoException e) {
            throw FileLabelErrors.of(e, file, "set the SELinux label of");
        }
    }

    /** The model's syntax always; the policy's verdict only where a policy is loaded to ask. */
    private void validateContext(Path file, String context) {
        Objects.requireNonNull(context, "context");
        try {
            SecurityModel.SELINUX.validateLabel(context);
        } catch (LabelFormatException e) {
            throw new FileLabelException(file, Reason.INVALID_LABEL,
                    "cannot label " + file + ": " + e.getMessage(), e);
        }
        if (host.selinuxEnabled() && !host.libselinux().orElseThrow().securityCheckContext(context)) {
            throw new FileLabelException(file, Reason.INVALID_LABEL, "cannot label " + file + ": \""
                    + context + "\" is not a valid context in this host's SELinux policy"
                    + " (check its user, role, type and categories with `seinfo`)");
        }
    }

    @Override
    public String chconCommand(Path file, String context, boolean followLinks) {
        return "chcon " + (followLinks ? "" : "-h ") + ShellQuoting.quote(context) + " "
                + ShellQuoting.quote(file.toAbsolutePath().toString());
    }

    @Override
    public Optional<AppArmorFileRules> appArmorFileRules(String profile) {
        try {
            AppArmorLabel.parse(profile);
            return Optional.of(AppArmorFileRules.parse(Files.readString(Path.of(AppArmorFileRules.pathOf(profile)))));
        } catch (LabelFormatException | IOException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> defaultSelinuxLabel(Path file) {
        return defaultFor(restoreconPath(file));
    }

    @Override
    public String restoreDefaultLabel(Path file, boolean followLinks) {
        Path target = followLinks ? realPath(file) : restoreconPath(file);
        String label = defaultFor(target).orElseThrow(() -> new FileLabelException(file, Reason.NOT_SUPPORTED,
                "cannot restore the default SELinux label of " + file + ": this host has no file-context"
                        + " policy that covers it (install selinux-policy-default, or set a label explicitly)"));
        setSelinuxLabel(target, label, false);
        return label;
    }

    /** restorecon's lookup: the path's own mode, since rules differ for files, links and directories. */
    private Optional<String> defaultFor(Path path) {
        Optional<Libselinux> lib = host.libselinux();
        if (lib.isEmpty()) {
            return Optional.empty();
        }
        int mode;
        try {
            mode = Files.exists(path, NO_FOLLOW) ? (Integer) Files.getAttribute(path, "unix:mode", NO_FOLLOW) : 0;
        } catch (IOException e) {
            throw FileLabelErrors.of(e, path, "look up the default SELinux label of");
        }
        try {
            return lib.get().defaultFileContext(host.fileContexts(), path.toString(), mode)
                    .map(lib.get()::translatedToRaw);
        } catch (ErrnoException e) {
            throw FileLabelErrors.of(e, path, "look up the default SELinux label of");
        }
    }

    @Override
    public Optional<String> rememberedSelinuxLabel(Path file, boolean followLinks) {
        return remembered(file).read(followLinks ? realPath(file) : file);
    }

    @Override
    public Optional<String> restoreRememberedLabel(Path file, boolean followLinks) {
        Path target = followLinks ? realPath(file) : file;
        RememberedLabels remembered = remembered(file);
        Optional<String> original = remembered.read(target);
        original.ifPresent(label -> {
            setSelinuxLabel(target, label, false);
            remembered.forget(target);
        });
        return original;
    }

    @Override
    public void setOwner(Path file, int uid, int gid, boolean followLinks) {
        if (uid < 0 || gid < 0) {
            // chown(2) reads -1 as "leave unchanged", which is not what a caller of this means.
            throw new IllegalArgumentException("uid and gid cannot be negative: " + uid + ":" + gid);
        }
        try {
            requireLibc(file).chown(file, uid, gid, followLinks);
        } catch (ErrnoException e) {
            throw FileLabelErrors.of(e, file, "change the owner of");
        }
    }

    @Override
    public String chownCommand(Path file, int uid, int gid, boolean followLinks) {
        // The leading '+' makes chown take numbers even where a user is named like one.
        return "chown " + (followLinks ? "" : "-h ") + "+" + uid + ":+" + gid + " "
                + ShellQuoting.quote(file.toAbsolutePath().toString());
    }

    @Override
    public Optional<ProcessLabel> processLabel(long pid) {
        return processes.read(pid);
    }

    @Override
    public Optional<Set<Integer>> processUids() {
        return processes.uids();
    }

    @Override
    public Optional<ProcessLabel> qemuProcess(String domainUuid) {
        java.util.OptionalLong pid = processes.startedFor(domainUuid);
        return pid.isPresent() ? processes.read(pid.getAsLong()) : Optional.empty();
    }

    /** libselinux's access decision per context (the kernel's own answer), AppArmor's profile list. */
    @Override
    public EnforcementFacts enforcementFacts(Set<String> domainContexts) {
        Map<String, Boolean> types = new HashMap<>();
        List<String> notes = new ArrayList<>();
        if (host.selinuxEnabled()) {
            Libselinux lib = host.libselinux().orElseThrow();
            for (String context : domainContexts) {
                try {
                    types.put(SecurityContext.parse(context).type(), lib.permissiveDomain(context));
                } catch (LabelFormatException | ErrnoException e) {
                    notes.add("could not check " + context + ": " + e.getMessage());
                }
            }
        }
        Optional<Map<String, String>> profiles = AppArmorDriver.profileModes(host);
        if (profiles.isEmpty() && driver.model() == SecurityModel.APPARMOR) {
            notes.add("AppArmor's profile list is readable by root only");
        }
        return new EnforcementFacts(types, profiles, notes);
    }

    @Override
    public AuditReading auditSince(long offset) {
        return auditLog.since(offset);
    }

    private ContextStore contextStore(Path file) {
        return contexts.orElseThrow(() -> notLinux(file));
    }

    private Libc requireLibc(Path file) {
        return libc.orElseThrow(() -> notLinux(file));
    }

    private RememberedLabels remembered(Path file) {
        return new RememberedLabels(requireLibc(file));
    }

    private FileLabelException notLinux(Path file) {
        return new FileLabelException(file, Reason.NOT_SUPPORTED,
                "cannot label " + file + ": file labels are handled on Linux hosts only, and this one runs "
                        + host.osName());
    }

    /** The link's target, resolved fully, as libvirt resolves a disk's path before relabelling it. */
    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            throw FileLabelErrors.of(e, file, "resolve");
        }
    }

    /** Like restorecon: the directories resolved, the last component (maybe a link) kept. */
    private static Path restoreconPath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null) {
            return absolute;
        }
        try {
            return parent.toRealPath().resolve(absolute.getFileName());
        } catch (IOException parentMissing) {
            // Nothing to resolve: the operation on the path itself reports the missing file.
            return absolute;
        }
    }

    private static LinkOption[] links(boolean followLinks) {
        return followLinks ? FOLLOW : NO_FOLLOW;
    }
}
