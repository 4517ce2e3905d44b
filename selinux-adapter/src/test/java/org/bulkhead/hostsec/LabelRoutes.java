package org.bulkhead.hostsec;

import org.bulkhead.hostsec.driver.HostFacts;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.bulkhead.hostsec.jna.JnaLibselinux;
import org.bulkhead.hostsec.jna.Libselinux;
import org.junit.jupiter.api.Named;

/** The two ways the adapter reaches a file's context: libselinux, and the raw xattr without it. */
final class LabelRoutes {

    private LabelRoutes() {
    }

    static Stream<Named<LocalHostSecurity>> both() {
        Optional<Libselinux> lib = JnaLibselinux.load();
        assertTrue(lib.isPresent(), "libselinux.so.1 did not load: install the libselinux1 package");
        HostFacts host = HostFacts.thisHost();
        return Stream.of(
                Named.of("through libselinux", LocalHostSecurity.create(host.withLibselinux(lib))),
                Named.of("through raw xattrs", LocalHostSecurity.create(host.withLibselinux(Optional.empty()))));
    }
}
