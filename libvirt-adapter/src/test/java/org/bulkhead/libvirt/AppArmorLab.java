package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bulkhead.model.testing.Commands;
import org.bulkhead.hostsec.ssh.SshHostSecurity;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.junit.jupiter.api.Assumptions;

/**
 * The AppArmor lab (scripts/lab/lab --flavour apparmor): a Debian VM with AppArmor on, libvirtd
 * and QEMU inside with libvirt's AppArmor driver, reached over {@code -Dbulkhead.aalab.uri} for
 * libvirt and {@code -Dbulkhead.aalab.ssh} (an ssh command line ending in the destination) for
 * what libvirt does not tell: profiles, their file lists, processes, the audit log.
 * scripts/lab/prove --flavour apparmor sets both.
 */
public final class AppArmorLab {

    static final String URI_PROPERTY = "bulkhead.aalab.uri";
    static final String SSH_PROPERTY = "bulkhead.aalab.ssh";

    private AppArmorLab() {
    }

    public static String uri() {
        String uri = System.getProperty(URI_PROPERTY, "");
        Assumptions.assumeFalse(uri.isBlank(), URI_PROPERTY + " is not set: no AppArmor lab to test against"
                + " (scripts/lab/prove --flavour apparmor starts one)");
        return uri;
    }

    /** Opens the lab's libvirtd; skips when no lab is configured, fails when it is unreachable. */
    public static LibvirtConnection open() {
        String uri = uri();
        try {
            return new LibvirtHypervisor().open(uri);
        } catch (HypervisorException e) {
            return fail(URI_PROPERTY + "=" + uri + " is set but unreachable: " + e.userMessage(), e);
        }
    }

    /** The lab as the SSH host Bulkhead uses for {@code qemu+ssh://} connections. */
    public static SshHostSecurity probe() {
        return SshHostSecurity.over(sshWords());
    }

    private static List<String> sshWords() {
        String ssh = System.getProperty(SSH_PROPERTY, "");
        if (ssh.isBlank()) {
            fail(SSH_PROPERTY + " is not set: the AppArmor lab tests read profiles in the lab over SSH");
        }
        return Arrays.asList(ssh.trim().split("\\s+"));
    }

    /** Runs a shell command as root in the lab and returns its exit code and output. */
    public static Commands.Result ssh(String shellCommand) {
        List<String> command = new ArrayList<>(sshWords());
        command.add(shellCommand);
        return Commands.run(command.toArray(String[]::new));
    }

    /** Like {@link #ssh} but fails the test unless the command succeeds; returns its output. */
    public static String sshOk(String shellCommand) {
        Commands.Result result = ssh(shellCommand);
        if (result.exitCode() != 0) {
            fail("in the AppArmor lab, `" + shellCommand + "` exited " + result.exitCode() + ": " + result.output());
        }
        return result.output();
    }

    /** The mode of each loaded AppArmor profile in the lab, as the kernel lists it ("enforce", "complain"). */
    public static String profileMode(String profile) {
        return ssh("grep -F " + SelinuxLab.quote(profile + " (") + " /sys/kernel/security/apparmor/profiles")
                .output().replaceAll(".*\\((\\w+)\\)$", "$1").strip();
    }

    /** Prints one line of evidence into the test output, where scripts/lab/prove shows it. */
    public static void report(String line) {
        System.out.println("apparmor-lab: " + line);
    }
}
