package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bulkhead.model.hypervisor.DomainEvent;
import org.bulkhead.model.hypervisor.DomainEvent.Kind;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Lifecycle events from a real libvirtd, through keepalive and the remote protocol. */
@Tag("real-libvirt")
class RealEventsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private LibvirtConnection connection;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        connection = RealLibvirt.open();
    }

    @AfterEach
    void cleanUp() {
        RealLibvirt.cleanUp(connection, created);
    }

    @Test
    void startingAndStoppingAQemuDomainIsReportedByEvents() throws Exception {
        EventRecorder recorder = new EventRecorder();
        String name = RealLibvirt.uniqueName("events");
        try (AutoCloseable subscription = connection.subscribe(recorder)) {
            DomainRecord domain = connection.define(RealLibvirt.qemuDomain(name, "", ""));
            created.add(domain.uuid());
            assertEquals(List.of(Kind.DEFINED), kinds(recorder.awaitKind(name, Kind.DEFINED, TIMEOUT)));

            connection.start(domain.uuid());
            List<DomainEvent> started = recorder.awaitKind(name, Kind.STARTED, TIMEOUT);
            assertTrue(started.stream().allMatch(e -> e.uuid().equals(domain.uuid())), started::toString);
            assertTrue(kinds(started).stream().noneMatch(k -> k == Kind.STOPPED), started::toString);

            connection.destroy(domain.uuid());
            // QEMU reports the SIGTERM as SHUTDOWN first; STOPPED is what ends the run.
            List<DomainEvent> stopped = recorder.awaitKind(name, Kind.STOPPED, TIMEOUT);
            assertTrue(kinds(stopped).stream().noneMatch(k -> k == Kind.STARTED), stopped::toString);

            connection.undefine(domain.uuid(), false);
            assertEquals(List.of(Kind.UNDEFINED), kinds(recorder.awaitKind(name, Kind.UNDEFINED, TIMEOUT)));
        }
    }

    private static List<Kind> kinds(List<DomainEvent> events) {
        return events.stream().map(DomainEvent::kind).toList();
    }
}
