package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulkhead.model.domain.DomainNames;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The longest name Bulkhead accepts is one libvirt can define and start; one byte more is refused first. */
@Tag("real-libvirt")
class RealLongNameTest {

    private LibvirtConnection connection;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        connection = RealLibvirt.open();
        RealLibvirt.requireLocalRoot(connection);
    }

    @AfterEach
    void cleanUp() {
        RealLibvirt.cleanUp(connection, created);
    }

    @Test
    void theLongestAcceptedMultiByteNameDefinesAndStartsOnTheRealDaemon() {
        String name = multiByteName(DomainNames.MAX_BYTES);
        assertEquals(Optional.empty(), DomainNames.validate(name));

        DomainRecord domain = connection.define(RealLibvirt.qemuDomain(name, "", ""));
        created.add(domain.uuid());
        assertEquals(name, domain.name());
        // starting writes the log, pid and status files named after the domain
        connection.start(domain.uuid());
        assertEquals(DomainState.RUNNING, connection.domain(domain.uuid()).orElseThrow().state());
        connection.destroy(domain.uuid());

        String oneByteMore = DomainNames.validate(name + "x").orElseThrow();
        assertTrue(oneByteMore.contains((DomainNames.MAX_BYTES + 1) + " bytes"), oneByteMore);
    }

    /** The test prefix that clean-up recognises, filled with two-byte 'é' (and one 'x' if odd) to {@code bytes}. */
    private static String multiByteName(int bytes) {
        StringBuilder name = new StringBuilder(RealLibvirt.uniqueName("long-name") + "-");
        int left = bytes - name.toString().getBytes(StandardCharsets.UTF_8).length;
        if (left % 2 == 1) {
            name.append('x');
        }
        name.append("\u00e9".repeat(left / 2));
        assertEquals(bytes, name.toString().getBytes(StandardCharsets.UTF_8).length);
        return name.toString();
    }
}
