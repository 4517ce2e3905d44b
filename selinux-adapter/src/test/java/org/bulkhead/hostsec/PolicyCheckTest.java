package org.bulkhead.hostsec;

import org.bulkhead.hostsec.driver.HostFacts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.bulkhead.model.hostsec.FileLabelException;
import org.bulkhead.model.hostsec.FileLabelException.Reason;
import org.junit.jupiter.api.Test;

/**
 * Where SELinux is on, the loaded policy also judges a context before any file is touched; the
 * fake libselinux fails the test if the file is touched at all.
 */
class PolicyCheckTest {

    @Test
    void aWellFormedContextThePolicyDoesNotKnowIsRejectedBeforeTheFileIsTouched() {
        var security = LocalHostSecurity.create(HostFacts.thisHost().withLibselinux(Optional.of(new FakeLibselinux())));

        var error = assertThrows(FileLabelException.class, () -> security.setSelinuxLabel(
                Path.of("/var/lib/libvirt/images/vm.qcow2"), "system_u:object_r:no_such_t:s0", true));

        assertEquals(Reason.INVALID_LABEL, error.reason());
        assertTrue(error.getMessage().contains("not a valid context in this host's SELinux policy"),
                error.getMessage());
    }
}
