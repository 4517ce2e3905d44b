package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.testing.Commands;
import org.junit.jupiter.api.Assumptions;

/**
 * The SELinux lab (scripts/lab/lab): a Debian VM with SELinux enforcing, libvirtd and QEMU
 * inside, reached over {@code -Dbulkhead.lab.uri} for libvirt and {@code -Dbulkhead.lab.ssh} (an
 * ssh command line, words separated by spaces, ending in the destination) for what libvirt does
 * not tell: file labels, process labels, the audit log. scripts/lab/prove sets both.
 */
public final class SelinuxLab {

    static final String URI_PROPERTY = "bulkhead.lab.uri";
    static final String SSH_PROPERTY = "bulkhead.lab.ssh";
    static final String SSH_URI_PROPERTY = "bulkhead.lab.sshUri";

    private SelinuxLab() {
    }

    public static String uri() {
        String uri = System.getProperty(URI_PROPERTY, "");
        Assumptions.assumeFalse(uri.isBlank(), URI_PROPERTY + " is not set: no SELinux lab to test against"
                + " (scripts/lab/prove starts one)");
        return uri;
    }

    /**
     * The lab as a remote host over libvirt's own SSH transport
     * ({@code qemu+ssh://root@127.0.0.1:PORT/system?keyfile=...&no_verify=1}); skips when not set.
     */
    public static String sshUri() {
        String uri = System.getProperty(SSH_URI_PROPERTY, "");
        Assumptions.assumeFalse(uri.isBlank(), SSH_URI_PROPERTY + " is not set: no SELinux lab over qemu+ssh to test"
                + " against (scripts/lab/prove sets it)");
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

    /** Runs a shell command as root in the lab and returns its exit code and output. */
    public static Commands.Result ssh(String shellCommand) {
        String ssh = System.getProperty(SSH_PROPERTY, "");
        if (ssh.isBlank()) {
            fail(SSH_PROPERTY + " is not set: the lab tests read labels in the lab over SSH");
        }
        List<String> command = new ArrayList<>(Arrays.asList(ssh.trim().split("\\s+")));
        command.add(shellCommand);
        return Commands.run(command.toArray(String[]::new));
    }

    /** Like {@link #ssh} but fails the test unless the command succeeds; returns its output. */
    public static String sshOk(String shellCommand) {
        Commands.Result result = ssh(shellCommand);
        if (result.exitCode() != 0) {
            fail("in the lab, `" + shellCommand + "` exited " + result.exitCode() + ": " + result.output());
        }
        return result.output();
    }

    /** Quotes a word for the lab's shell. */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The SELinux context of a file in the lab, as {@code stat -c %C} prints it. */
    public static String fileLabel(String path) {
        return sshOk("stat -L -c %C " + quote(path));
    }

    /** Prints one line of evidence into the test output, where scripts/lab/prove shows it. */
    public static void report(String line) {
        System.out.println("selinux-lab: " + line);
    }
}
