package org.bulkhead.hostsec.ssh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bulkhead.model.hostsec.EnforcementFacts;
import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.bulkhead.model.hostsec.SecurityDriverInfo.Enforcement;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.SecurityContext;

/**
 * A remote host's enforcement, read over ssh: which model its kernel runs and in which mode,
 * libvirt's virt contexts there, which domain types are permissive and which AppArmor profiles
 * complain. A re-check asks for the driver and then for the policy facts; both come from one
 * ssh command.
 */
final class SshPolicy {

    /**
     * Which model the remote kernel runs, its mode and libvirt's virt contexts there. Shell
     * built-ins only: a re-check every few seconds starts one shell on the host, no other
     * program (on a slow host each program started costs a noticeable part of a second).
     * selinuxfs's enforce file has no newline, so {@code read} fails there yet sets the value.
     */
    static final String DRIVER_SCRIPT = """
            if [ -r /sys/fs/selinux/enforce ]; then
              e=; read -r e < /sys/fs/selinux/enforce
              echo "model selinux"; echo "enforce $e"
              t=
              if [ -r /etc/selinux/config ]; then
                while IFS='=' read -r k v; do [ "$k" = SELINUXTYPE ] && t=$v; done < /etc/selinux/config
              fi
              d=/etc/selinux/${t:-default}/contexts
              for f in domain image; do
                [ -r "$d/virtual_${f}_context" ] || continue
                while read -r l || [ -n "$l" ]; do echo "$f $l"; done < "$d/virtual_${f}_context"
              done
            elif [ -r /sys/module/apparmor/parameters/enabled ] && read -r a < /sys/module/apparmor/parameters/enabled \\
                && [ "$a" = Y ]; then
              m=; [ -r /sys/module/apparmor/parameters/mode ] && read -r m < /sys/module/apparmor/parameters/mode
              echo "model apparmor"; echo "mode $m"
            else
              echo "model dac"
            fi
            """;

    /**
     * The kernel's own access decision for each context acting on itself, through selinuxfs's
     * access file (what libselinux's security_compute_av_flags does): the last field is the
     * decision's flags, bit 0 meaning the domain is permissive. Then AppArmor's profile list.
     * Shell built-ins only, as {@link #DRIVER_SCRIPT}.
     */
    static final String FACTS_SCRIPT = """
            if [ -r /sys/fs/selinux/class/process/index ]; then
              cls=; read -r cls < /sys/fs/selinux/class/process/index
              for c in "$@"; do
                flags=
                exec 3<>/sys/fs/selinux/access && printf '%s %s %s 0' "$c" "$c" "$cls" >&3 2>/dev/null \\
                  && read -r _ _ _ _ _ flags <&3
                exec 3>&-
                echo "type ${flags:-?} $c"
              done
            fi
            if [ -r /sys/kernel/security/apparmor/profiles ]; then
              while read -r l; do echo "profile $l"; done < /sys/kernel/security/apparmor/profiles
            else
              echo "profiles unreadable"
            fi
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

    SshPolicy(SshCommand ssh) {
        this.ssh = ssh;
    }

    /**
     * The remote kernel's model and mode. A re-check asks for the driver and then for the policy
     * facts: both are read in this one ssh command (for the contexts asked about last time), so
     * a re-check every few seconds is one command on the host, not two.
     */
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
}
