package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.hypervisor.DomainStats;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Domains on libvirt's in-process test driver, which every machine with libvirt0 has. */
class TestDriverDomainsTest {

    private LibvirtConnection connection;

    @BeforeEach
    void open() {
        connection = new LibvirtHypervisor().open("test:///default");
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void listShowsTheRunningTestDomainWithItsLiveXml() {
        DomainRecord test = byName(connection.listDomains(), "test").orElseThrow();

        assertEquals(DomainState.RUNNING, test.state());
        assertTrue(test.xml().contains("<name>test</name>"), test.xml());
        assertTrue(test.xml().contains("id='1'"), "live XML carries the running domain's id: " + test.xml());
        assertEquals("6695eb01-f6a4-8304-79aa-97f2502e193f", test.uuid());
        assertTrue(test.pid().isEmpty(), "the test driver has no QEMU process");
    }

    @Test
    void aDomainCanBeDefinedStartedDestroyedAndUndefined() {
        String name = TestDomains.uniqueName("lifecycle");
        DomainRecord defined = connection.define(TestDomains.testDriver(name, ""));
        assertEquals(name, defined.name());
        assertEquals(DomainState.SHUT_OFF, defined.state());
        assertTrue(defined.xml().contains("s0:c1,c2"), "the test driver keeps the seclabel: " + defined.xml());

        connection.start(defined.uuid());
        DomainRecord running = connection.domain(defined.uuid()).orElseThrow();
        assertEquals(DomainState.RUNNING, running.state());
        assertTrue(running.xml().contains("id='"), "a running domain is listed with its live XML");

        connection.destroy(defined.uuid());
        assertEquals(DomainState.SHUT_OFF, connection.domain(defined.uuid()).orElseThrow().state());

        connection.undefine(defined.uuid(), false);
        assertTrue(connection.domain(defined.uuid()).isEmpty());
        assertTrue(byName(connection.listDomains(), name).isEmpty());
    }

    @Test
    void pauseResumeAndRebootReachTheDomain() {
        DomainRecord defined = connection.define(TestDomains.testDriver(TestDomains.uniqueName("pause"), ""));
        try {
            connection.start(defined.uuid());
            connection.suspend(defined.uuid());
            assertEquals(DomainState.PAUSED, connection.domain(defined.uuid()).orElseThrow().state());
            connection.resume(defined.uuid());
            connection.reboot(defined.uuid());
            assertEquals(DomainState.RUNNING, connection.domain(defined.uuid()).orElseThrow().state());
            connection.shutdown(defined.uuid());
            assertEquals(DomainState.SHUT_OFF, connection.domain(defined.uuid()).orElseThrow().state());
        } finally {
            connection.undefine(defined.uuid(), false);
        }
    }

    @Test
    void hostileNamesSurviveDefineAndList() {
        String name = "o'brien \"<x>\" & co " + TestDomains.uniqueName("");
        DomainRecord defined = connection.define(TestDomains.testDriver(name, ""));
        try {
            assertEquals(name, defined.name());
            DomainRecord listed = byName(connection.listDomains(), name).orElseThrow();
            assertEquals(defined.uuid(), listed.uuid());
            assertTrue(listed.xml().contains(TestDomains.escape(name)), listed.xml());
        } finally {
            connection.undefine(defined.uuid(), false);
        }
    }

    @Test
    void failuresNameTheOperationAndTheDomain() {
        DomainRecord defined = connection.define(TestDomains.testDriver(TestDomains.uniqueName("stopped"), ""));
        try {
            HypervisorException e = assertThrows(HypervisorException.class, () -> connection.destroy(defined.uuid()));
            assertTrue(e.getMessage().startsWith("Could not force off domain '" + defined.name() + "': "), e.getMessage());
            assertTrue(e.getMessage().contains("not running"), "libvirt's reason is kept: " + e.getMessage());
            assertFalse(e.hint().isEmpty());
        } finally {
            connection.undefine(defined.uuid(), false);
        }

        String missing = "00000000-0000-0000-0000-000000000001";
        HypervisorException e = assertThrows(HypervisorException.class, () -> connection.start(missing));
        assertTrue(e.getMessage().startsWith("Could not start domain " + missing + ": "), e.getMessage());
        assertTrue(connection.domain(missing).isEmpty());
    }

    @Test
    void badDomainXmlIsRejectedWithLibvirtsReason() {
        HypervisorException e = assertThrows(HypervisorException.class,
                () -> connection.define("<domain type='test'><name>broken</name></domain>"));
        assertTrue(e.getMessage().startsWith("Could not define domain 'broken': "), e.getMessage());
        assertEquals("Check the domain definition", e.hint());
    }

    @Test
    void hostInfoDescribesTheInProcessTestHost() {
        HostInfo host = connection.hostInfo();
        assertEquals("test:///default", host.uri());
        assertEquals("TEST", host.hypervisorType());
        assertTrue(host.local());
        assertFalse(host.hostname().isBlank());
        assertTrue(host.libvirtVersion().matches("\\d+\\.\\d+\\.\\d+"), host.libvirtVersion());
        assertTrue(connection.capabilitiesXml().contains("<model>testSecurity</model>"));
    }

    @Test
    void statisticsCoverEveryRunningDomainInOneSample() {
        List<DomainStats> stats = connection.sampleStats();
        DomainStats test = stats.stream()
                .filter(s -> s.uuid().equals("6695eb01-f6a4-8304-79aa-97f2502e193f")).findFirst().orElseThrow();
        assertEquals(2, test.vcpus());
        assertEquals(8 * 1024 * 1024, test.maxMemoryKiB());
        assertTrue(test.memoryKiB() > 0);
    }

    static Optional<DomainRecord> byName(List<DomainRecord> records, String name) {
        return records.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
