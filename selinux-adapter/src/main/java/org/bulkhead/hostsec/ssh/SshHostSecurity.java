package org.bulkhead.hostsec.ssh;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bulkhead.hostsec.AuditLogFile;
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

/**
 * {@link HostSecurity} for another machine, read through the system's {@code ssh} (so the
 * user's config, agent and known hosts apply, as for libvirt's qemu+ssh): the kernel's mode, the
 * virt contexts, file and process labels, permissive types and AppArmor profile modes. It only
 * reads: Bulkhead changes no labels on a remote host. Each call is one ssh command. The
 * enforcement ({@link SshPolicy}) and the audit log ({@link SshAuditLog}) have their own readers;
 * the files and processes are read here.
 */
public final class SshHostSecurity implements HostSecurity {

    private final SshCommand ssh;
    private final SshPolicy policy;
    private final SshAuditLog audit;

    private SshHostSecurity(SshCommand ssh) {
        this.ssh = ssh;
        this.policy = new SshPolicy(ssh);
        this.audit = new SshAuditLog(ssh);
    }

    /** Over an ssh command line that ends in the destination ({@code ssh -p 2222 root@host}). */
    public static SshHostSecurity over(List<String> sshCommand) {
        return new SshHostSecurity(new SshCommand(sshCommand));
    }

    /** Over an ssh command line whose shared connection lives in {@code connections} (a test's own). */
    static SshHostSecurity over(List<String> sshCommand, SshConnections connections) {
        Supplier<SshConnections> these = () -> connections;
        return new SshHostSecurity(new SshCommand(sshCommand, these));
    }

    /** For a libvirt {@code qemu+ssh://} URI, with libvirt's own parameters; empty for other transports. */
    public static Optional<SshHostSecurity> forUri(String uri) {
        return SshCommand.forLibvirtUri(uri).map(SshHostSecurity::new);
    }

    /** The command line used, for messages and tests. */
    public List<String> command() {
        return ssh.words();
    }

    /**
     * The remote kernel's model and mode, with the policy facts for the contexts asked about last
     * time read in the same ssh command (see {@link #enforcementFacts}).
     */
    @Override
    public SecurityDriverInfo driver() {
        return policy.driver();
    }

    @Override
    public EnforcementFacts enforcementFacts(Set<String> domainContexts) {
        return policy.enforcementFacts(domainContexts);
    }

    @Override
    public AuditReading auditSince(long offset) {
        return audit.since(offset, AuditLogFile.DEFAULT.toString());
    }

    @Override
    public FileLabel readLabel(Path file, boolean followLinks) {
        SshCommand.Result result = ssh.run("stat " + (followLinks ? "-L " : "") + "-c '%C|%u|%g|%a' -- "
                + SshCommand.quote(file.toString()));
        return parseStat(file, result.exitCode(), result.output(), ssh.toString());
    }

    private static final Pattern STAT_LINE = Pattern.compile("(?m)^([^|\n]*)\\|(\\d+)\\|(\\d+)\\|([0-7]+)$");

    /**
     * What {@code stat -c '%C|%u|%g|%a'} printed. On a host without SELinux (AppArmor, DAC only)
     * stat still prints the line, with {@code ?} for the context, but complains that the file has no
     * security context and exits 1: the line counts, the complaint does not.
     */
    static FileLabel parseStat(Path file, int exitCode, String output, String over) {
        Matcher line = STAT_LINE.matcher(output);
        if (!line.find()) {
            Reason reason = output.contains("No such file") ? Reason.NOT_FOUND
                    : output.contains("Permission denied") ? Reason.PERMISSION_DENIED : Reason.OTHER;
            throw new FileLabelException(file, reason, "cannot read the label of " + file + " over " + over
                    + ": " + (exitCode == 0 ? "unexpected output " : "") + output, null);
        }
        String label = line.group(1);
        Optional<String> context = label.equals("?") || label.isEmpty() ? Optional.empty() : Optional.of(label);
        return new FileLabel(file, context, Integer.parseInt(line.group(2)), Integer.parseInt(line.group(3)),
                Integer.parseInt(line.group(4), 8));
    }

    @Override
    public Optional<ProcessLabel> processLabel(long pid) {
        SshCommand.Result result = ssh.run("ps -o label=,uid=,gid= -p " + pid);
        if (result.exitCode() != 0 || result.output().isBlank()) {
            return Optional.empty();
        }
        return parseProcess(pid, result.output());
    }

    /**
     * One line of {@code ps -o label=,uid=,gid=}: the ids are the last two words, the label what
     * comes before. AppArmor appends the profile's mode ({@code libvirt-<uuid> (enforce)}), which is
     * not part of the label.
     */
    static Optional<ProcessLabel> parseProcess(long pid, String output) {
        String[] parts = output.strip().split("\\s+");
        if (parts.length < 3) {
            return Optional.empty();
        }
        int uid;
        int gid;
        try {
            uid = Integer.parseInt(parts[parts.length - 2]);
            gid = Integer.parseInt(parts[parts.length - 1]);
        } catch (NumberFormatException notPs) {
            return Optional.empty();
        }
        String label = String.join(" ", java.util.Arrays.copyOf(parts, parts.length - 2));
        int mode = label.lastIndexOf(" (");
        if (mode > 0 && label.endsWith(")")) {
            label = label.substring(0, mode);
        }
        Optional<String> context = label.equals("-") || label.equals("unconfined") ? Optional.empty()
                : Optional.of(label);
        return Optional.of(new ProcessLabel(pid, context, uid, gid));
    }

    /** libvirt names no pid over the network: the QEMU whose command line carries {@code -uuid UUID}. */
    @Override
    public Optional<ProcessLabel> qemuProcess(String domainUuid) {
        SshCommand.Result result = ssh.run("pgrep -f -- " + SshCommand.quote("-uuid " + domainUuid));
        if (result.exitCode() != 0 || result.output().isBlank()) {
            return Optional.empty();
        }
        try {
            return processLabel(Long.parseLong(result.output().strip().split("\\s+")[0]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<AppArmorFileRules> appArmorFileRules(String profile) {
        try {
            AppArmorLabel.parse(profile);
        } catch (LabelFormatException notAProfile) {
            return Optional.empty();
        }
        SshCommand.Result result = ssh.run("cat -- " + SshCommand.quote(AppArmorFileRules.pathOf(profile)));
        return result.exitCode() == 0 ? Optional.of(AppArmorFileRules.parse(result.output())) : Optional.empty();
    }

    @Override
    public Optional<String> defaultSelinuxLabel(Path file) {
        SshCommand.Result result = ssh.run("matchpathcon -n -- " + SshCommand.quote(file.toString()));
        return result.exitCode() == 0 && !result.output().isBlank() ? Optional.of(result.output().strip())
                : Optional.empty();
    }

    @Override
    public Optional<String> rememberedSelinuxLabel(Path file, boolean followLinks) {
        SshCommand.Result result = ssh.run("getfattr --only-values -n trusted.libvirt.security.selinux "
                + (followLinks ? "" : "-h ") + "-- " + SshCommand.quote(file.toString()));
        return result.exitCode() == 0 ? Optional.of(result.output().replace("\0", "").strip()) : Optional.empty();
    }

    @Override
    public void setSelinuxLabel(Path file, String context, boolean followLinks) {
        throw readOnly(file);
    }

    @Override
    public String chconCommand(Path file, String context, boolean followLinks) {
        return "chcon " + (followLinks ? "" : "-h ") + SshCommand.quote(context) + " "
                + SshCommand.quote(file.toString());
    }

    @Override
    public String restoreDefaultLabel(Path file, boolean followLinks) {
        throw readOnly(file);
    }

    @Override
    public Optional<String> restoreRememberedLabel(Path file, boolean followLinks) {
        throw readOnly(file);
    }

    @Override
    public void setOwner(Path file, int uid, int gid, boolean followLinks) {
        throw readOnly(file);
    }

    @Override
    public String chownCommand(Path file, int uid, int gid, boolean followLinks) {
        return "chown " + (followLinks ? "" : "-h ") + "+" + uid + ":+" + gid + " " + SshCommand.quote(file.toString());
    }

    private FileLabelException readOnly(Path file) {
        return new FileLabelException(file, Reason.NOT_SUPPORTED, "Bulkhead only reads labels on a remote host ("
                + ssh + "): change " + file + " there with the command shown", null);
    }
}
