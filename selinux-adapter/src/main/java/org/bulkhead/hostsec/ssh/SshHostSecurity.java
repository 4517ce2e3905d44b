package org.bulkhead.hostsec.ssh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulkhead.model.audit.AuditReading;
import org.bulkhead.model.hostsec.AppArmorFileRules;
import org.bulkhead.model.hostsec.EnforcementFacts;
import org.bulkhead.model.hostsec.FileLabel;
import org.bulkhead.model.hostsec.FileLabelException;
import org.bulkhead.model.hostsec.FileLabelException.Reason;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.hostsec.ProcessLabel;
import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.bulkhead.model.hostsec.SecurityDriverInfo.Enforcement;
import org.bulkhead.model.label.AppArmorLabel;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.SecurityContext;

/**
 * {@link HostSecurity} for another machine, read through the system's {@code ssh} (so the
 * user's config, agent and known hosts apply, as for libvirt's qemu+ssh): the kernel's mode, the
 * virt contexts, file and process labels, permissive types and AppArmor profile modes. It only
 * reads: Bulkhead changes no labels on a remote host. Each call is one ssh command.
 */
public final class SshHostSecurity implements HostSecurity {

    /** Which model the remote kernel runs, its mode and libvirt's virt contexts there. */
    static final String DRIVER_SCRIPT = """
            if [ -r /sys/fs/selinux/enforce ]; then
              echo "model selinux"; echo "enforce $(cat /sys/fs/selinux/enforce)"
              t=$(sed -n 's/^SELINUXTYPE=//p' /etc/selinux/config 2>/dev/null); d=/etc/selinux/${t:-default}/contexts
              sed 's/^/domain /' "$d/virtual_domain_context" 2>/dev/null
              sed 's/^/image /' "$d/virtual_image_context" 2>/dev/null
            elif [ "$(cat /sys/module/apparmor/parameters/enabled 2>/dev/null)" = Y ]; then
              echo "model apparmor"; echo "mode $(cat /sys/module/apparmor/parameters/mode 2>/dev/null)"
            else
              echo "model dac"
            fi
            """;

    /**
     * The kernel's own access decision for each context acting on itself, through selinuxfs's
     * access file (what libselinux's security_compute_av_flags does): the last field is the
     * decision's flags, bit 0 meaning the domain is permissive. Then AppArmor's profile list.
     */
    static final String FACTS_SCRIPT = """
            if [ -r /sys/fs/selinux/class/process/index ]; then
              cls=$(cat /sys/fs/selinux/class/process/index)
              for c in "$@"; do
                flags=
                exec 3<>/sys/fs/selinux/access && printf '%s %s %s 0' "$c" "$c" "$cls" >&3 2>/dev/null \\
                  && read -r _ _ _ _ _ flags <&3
                exec 3>&-
                echo "type ${flags:-?} $c"
              done
            fi
            if [ -r /sys/kernel/security/apparmor/profiles ]; then
              sed 's/^/profile /' /sys/kernel/security/apparmor/profiles
            else
              echo "profiles unreadable"
            fi
            """;

    /**
     * The audit log {@code $2} from byte {@code $1} on ({@code tail -c +N} counts from 1), only up to the size
     * seen first so the next offset is exact; a rotated (shorter) log from its start. The closing
     * marker keeps the last line's newline through the output's stripping.
     */
    static final String AUDIT_SCRIPT = """
            f=$2
            if [ ! -e "$f" ]; then echo "audit-unreadable $f: no such file (is auditd installed and running?)"; exit 0; fi
            if [ ! -r "$f" ]; then echo "audit-unreadable $f: permission denied (log in as root)"; exit 0; fi
            size=$(wc -c < "$f"); from=$1
            [ "$from" -le "$size" ] || from=0
            echo "audit-from $from"
            tail -c +$((from + 1)) "$f" | head -c $((size - from)); echo "audit-end"
            """;

    /** Between the driver's part and the policy facts' part of one combined reading. */
    static final String FACTS_MARK = "policy-facts";
    /** How long facts read together with the driver answer the re-check that asked for the driver. */
    private static final long PREFETCH_NANOS = 1_000_000_000L;

    /** Policy facts read in the same ssh command as the driver, for the contexts last asked about. */
    private record Prefetched(List<String> contexts, EnforcementFacts facts, long readAt) {
    }

    private final SshCommand ssh;
    private volatile List<String> lastContexts = List.of();
    private volatile Prefetched prefetched;

    private SshHostSecurity(SshCommand ssh) {
        this.ssh = ssh;
    }

    /** Over an ssh command line that ends in the destination ({@code ssh -p 2222 root@host}). */
    public static SshHostSecurity over(List<String> sshCommand) {
        return new SshHostSecurity(new SshCommand(sshCommand));
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
     * The remote kernel's model and mode. A re-check asks for the driver and then for the policy
     * facts: both are read in this one ssh command (for the contexts asked about last time), so
     * a re-check every few seconds is one command on the host, not two.
     */
    @Override
    public SecurityDriverInfo driver() {
        List<String> contexts = lastContexts;
        SshCommand.Result result = ssh.runScript(DRIVER_SCRIPT + "echo " + FACTS_MARK + "\n" + FACTS_SCRIPT, contexts);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("could not read the security driver over " + ssh + ": "
                    + result.output());
        }
        String output = result.output();
        int mark = output.indexOf(FACTS_MARK + "\n");
        if (mark >= 0) {
            prefetched = new Prefetched(contexts, parseFacts(output.substring(mark + FACTS_MARK.length() + 1)),
                    System.nanoTime());
            output = output.substring(0, mark);
        }
        return parseDriver(output);
    }

    static SecurityDriverInfo parseDriver(String output) {
        String model = "dac";
        String mode = "";
        List<String> domain = new ArrayList<>();
        List<String> image = new ArrayList<>();
        for (String line : output.split("\n")) {
            int space = line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String key = line.substring(0, space);
            String value = line.substring(space + 1).strip();
            switch (key) {
                case "model" -> model = value;
                case "enforce", "mode" -> mode = value;
                case "domain" -> domain.add(value);
                case "image" -> image.add(value);
                default -> {
                    // Nothing else is printed; a line of a future script is ignored.
                }
            }
        }
        Map<String, String> base = new LinkedHashMap<>();
        List<String> keys = List.of("domain", "domain.tcg");
        for (int i = 0; i < domain.size() && i < keys.size(); i++) {
            base.put(keys.get(i), domain.get(i));
        }
        List<String> imageKeys = List.of("image", "content");
        for (int i = 0; i < image.size() && i < imageKeys.size(); i++) {
            base.put(imageKeys.get(i), image.get(i));
        }
        Enforcement enforcement = switch (model) {
            case "selinux" -> mode.equals("1") ? Enforcement.ENFORCING : Enforcement.PERMISSIVE;
            case "apparmor" -> mode.equals("complain") ? Enforcement.COMPLAIN : Enforcement.ENFORCING;
            default -> Enforcement.DAC_ONLY;
        };
        return new SecurityDriverInfo(model, "0", enforcement, base);
    }

    @Override
    public EnforcementFacts enforcementFacts(Set<String> domainContexts) {
        List<String> arguments = new ArrayList<>();
        for (String context : domainContexts) {
            try {
                arguments.add(SecurityContext.parse(context).toString());
            } catch (LabelFormatException notAContext) {
                // Only SELinux contexts have a type to check.
            }
        }
        arguments.sort(null);
        lastContexts = List.copyOf(arguments);
        Prefetched early = prefetched;
        prefetched = null;
        if (early != null && early.contexts().equals(arguments) && System.nanoTime() - early.readAt() < PREFETCH_NANOS) {
            return early.facts();
        }
        SshCommand.Result result = ssh.runScript(FACTS_SCRIPT, arguments);
        if (result.exitCode() != 0) {
            return EnforcementFacts.unknown("could not read the policy over " + ssh + ": " + result.output());
        }
        return parseFacts(result.output());
    }

    static EnforcementFacts parseFacts(String output) {
        Map<String, Boolean> types = new HashMap<>();
        Map<String, String> profiles = new LinkedHashMap<>();
        boolean profilesReadable = true;
        List<String> notes = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("type ")) {
                String[] parts = line.split(" ", 3);
                String type = SecurityContext.parse(parts[2]).type();
                try {
                    types.put(type, (Integer.parseInt(parts[1], 16) & 1) != 0);
                } catch (NumberFormatException refused) {
                    notes.add("the host's policy refused to decide for " + parts[2]);
                }
            } else if (line.startsWith("profile ")) {
                String profile = line.substring("profile ".length());
                int open = profile.lastIndexOf(" (");
                if (open > 0 && profile.endsWith(")")) {
                    profiles.put(profile.substring(0, open), profile.substring(open + 2, profile.length() - 1));
                }
            } else if (line.equals("profiles unreadable")) {
                profilesReadable = false;
            }
        }
        return new EnforcementFacts(types, profilesReadable ? Optional.of(profiles) : Optional.empty(), notes);
    }

    @Override
    public AuditReading auditSince(long offset) {
        return auditSince(offset, org.bulkhead.hostsec.AuditLogFile.DEFAULT.toString());
    }

    AuditReading auditSince(long offset, String log) {
        SshCommand.Result result = ssh.runScript(AUDIT_SCRIPT, List.of(Long.toString(Math.max(0, offset)), log));
        if (result.exitCode() != 0) {
            return new AuditReading.Unreadable("could not read the audit log over " + ssh + ": " + result.output());
        }
        return parseAudit(result.output());
    }

    /** What {@link #AUDIT_SCRIPT} printed; anything ssh itself printed before it is skipped. */
    static AuditReading parseAudit(String output) {
        int unreadable = output.indexOf("audit-unreadable ");
        if (unreadable >= 0) {
            return new AuditReading.Unreadable("cannot read the audit log "
                    + output.substring(unreadable + "audit-unreadable ".length()).strip());
        }
        int start = output.indexOf("audit-from ");
        int end = output.lastIndexOf("audit-end");
        if (start < 0 || end < start) {
            return new AuditReading.Unreadable("the audit log's reader printed something unexpected: "
                    + output.substring(0, Math.min(200, output.length())));
        }
        int newline = output.indexOf('\n', start);
        long from = Long.parseLong(output.substring(start + "audit-from ".length(),
                newline < 0 || newline > end ? end : newline).strip());
        byte[] body = newline < 0 || newline >= end ? new byte[0]
                : output.substring(newline + 1, end).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return org.bulkhead.hostsec.AuditLogFile.lines(body, body.length, from);
    }

    @Override
    public FileLabel readLabel(Path file, boolean followLinks) {
        SshCommand.Result result = ssh.run("stat " + (followLinks ? "-L " : "") + "-c '%C|%u|%g|%a' -- "
                + SshCommand.quote(file.toString()));
        return parseStat(file, result.exitCode(), result.output(), ssh.toString());
    }

    private static final java.util.regex.Pattern STAT_LINE =
            java.util.regex.Pattern.compile("(?m)^([^|\n]*)\\|(\\d+)\\|(\\d+)\\|([0-7]+)$");

    /**
     * What {@code stat -c '%C|%u|%g|%a'} printed. On a host without SELinux (AppArmor, DAC only)
     * stat still prints the line, with {@code ?} for the context, but complains that the file has no
     * security context and exits 1: the line counts, the complaint does not.
     */
    static FileLabel parseStat(Path file, int exitCode, String output, String over) {
        java.util.regex.Matcher line = STAT_LINE.matcher(output);
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
