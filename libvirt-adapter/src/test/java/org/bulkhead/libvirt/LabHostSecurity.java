package org.bulkhead.libvirt;

import java.util.Arrays;
import org.bulkhead.hostsec.ssh.SshHostSecurity;
import org.bulkhead.model.hostsec.HostSecurity;
import org.junit.jupiter.api.Assertions;

/**
 * The lab's kernel and files as the {@link HostSecurity} port: the SSH host Bulkhead uses for
 * {@code qemu+ssh://} connections, over the lab's own ssh command line ({@code -Dbulkhead.lab.ssh}),
 * since the lab's libvirtd is reached over TCP. Reads its mode, permissive types, file and
 * process labels the way the app reads a remote host's.
 */
public final class LabHostSecurity {

    private LabHostSecurity() {
    }

    /** The lab as an SSH host; fails the test when no ssh command line is configured. */
    public static SshHostSecurity probe() {
        String ssh = System.getProperty(SelinuxLab.SSH_PROPERTY, "");
        if (ssh.isBlank()) {
            Assertions.fail(SelinuxLab.SSH_PROPERTY + " is not set: the lab tests read labels in the lab over SSH");
        }
        return SshHostSecurity.over(Arrays.asList(ssh.trim().split("\\s+")));
    }
}
