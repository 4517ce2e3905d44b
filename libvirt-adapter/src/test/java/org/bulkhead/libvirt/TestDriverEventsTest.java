package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.bulkhead.model.hypervisor.DomainEvent;
import org.bulkhead.model.hypervisor.DomainEvent.Kind;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.junit.jupiter.api.Test;

/** Lifecycle events from the test driver, delivered on the libvirt event thread. */
class TestDriverEventsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void definingStartingStoppingAndUndefiningEmitsOneEventEach() throws Exception {
        EventRecorder recorder = new EventRecorder();
        String name = TestDomains.uniqueName("events");
        try (LibvirtConnection connection = new LibvirtHypervisor().open("test:///default");
             AutoCloseable subscription = connection.subscribe(recorder)) {
            DomainRecord domain = connection.define(TestDomains.testDriver(name, ""));
            connection.start(domain.uuid());
            connection.destroy(domain.uuid());
            connection.undefine(domain.uuid(), false);

            List<DomainEvent> events = recorder.await(name, 4, TIMEOUT);
            assertEquals(List.of(Kind.DEFINED, Kind.STARTED, Kind.STOPPED, Kind.UNDEFINED),
                    events.stream().map(DomainEvent::kind).toList());
            for (DomainEvent event : events) {
                assertEquals(domain.uuid(), event.uuid());
                assertEquals("test:///default", event.connectionUri());
            }
            assertEquals(EventLoop.THREAD_NAME, recorder.callbackThread().getName());
            assertTrue(recorder.callbackThread().isDaemon());
        }
    }

    @Test
    void aClosedSubscriptionHearsNothingMoreWhileOthersStillDo() throws Exception {
        EventRecorder stays = new EventRecorder();
        EventRecorder leaves = new EventRecorder();
        String first = TestDomains.uniqueName("first");
        String second = TestDomains.uniqueName("second");
        try (LibvirtConnection connection = new LibvirtHypervisor().open("test:///default");
             AutoCloseable staying = connection.subscribe(stays)) {
            AutoCloseable leaving = connection.subscribe(leaves);
            DomainRecord a = connection.define(TestDomains.testDriver(first, ""));
            leaves.await(first, 1, TIMEOUT);
            leaving.close();

            DomainRecord b = connection.define(TestDomains.testDriver(second, ""));
            stays.await(second, 1, TIMEOUT);
            connection.undefine(a.uuid(), false);
            connection.undefine(b.uuid(), false);
            stays.await(second, 1, TIMEOUT);

            // Everything 'stays' heard has been delivered; 'leaves' got no second-domain event.
            assertTrue(leaves.drained().stream().noneMatch(e -> e.name().equals(second)));
        }
    }
}
