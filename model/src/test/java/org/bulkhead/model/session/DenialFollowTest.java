package org.bulkhead.model.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.bulkhead.model.testing.InMemoryHypervisor;
import org.bulkhead.model.audit.AuditReading;
import org.bulkhead.model.audit.DenialTrails;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.security.FakeHostSecurity;
import org.bulkhead.model.store.ConnectionStatus;
import org.bulkhead.model.store.DomainStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A session follows its host's audit log: a denial logged after the window opened reaches its
 * listeners without a refresh, and the log is read on from where the last read stopped.
 */
class DenialFollowTest {

    private static final String WEB_UUID = "11111111-1111-1111-1111-111111111111";
    private static final String DB_UUID = "22222222-2222-2222-2222-222222222222";
    private static final String WEB = "system_u:system_r:svirt_t:s0:c1,c2";
    private static final String DB = "system_u:system_r:svirt_t:s0:c3,c4";

    private final InMemoryHypervisor hypervisor = new InMemoryHypervisor();
    private final DomainStore store = new DomainStore(Runnable::run);
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Long> offsetsAsked = new CopyOnWriteArrayList<>();
    private final AtomicReference<DenialTrails> latest = new AtomicReference<>();
    private ConnectionSession session;

    @BeforeEach
    void open() throws Exception {
        hypervisor.domains().put(WEB_UUID, record(WEB_UUID, "web", WEB));
        hypervisor.domains().put(DB_UUID, record(DB_UUID, "db", DB));
        DomainInspector inspector = new DomainInspector(info -> Optional.of(new FakeHostSecurity()));
        // Offsets count lines here: what matters is that each read starts where the last stopped.
        AuditSource audit = (host, offset) -> {
            offsetsAsked.add(offset);
            List<String> lines = List.copyOf(log);
            return new AuditReading.Lines(lines.subList((int) offset, lines.size()), offset, lines.size());
        };
        session = new ConnectionSession(hypervisor, InMemoryHypervisor.URI, store, inspector::probeHost, inspector,
                inspector::recheckHost, audit, Duration.ofMillis(50));
        session.onDenials(latest::set);
        session.open();
        await(() -> store.status(InMemoryHypervisor.URI) == ConnectionStatus.OPEN, "the session connects");
    }

    @AfterEach
    void close() {
        session.close();
    }

    private static DomainRecord record(String uuid, String name, String label) {
        return new DomainRecord(uuid, name, DomainState.RUNNING, "<domain type='qemu'><name>" + name + "</name><uuid>"
                + uuid + "</uuid><seclabel type='dynamic' model='selinux' relabel='yes'><label>" + label
                + "</label><imagelabel>" + label.replace("system_r:svirt_t", "object_r:svirt_image_t")
                + "</imagelabel></seclabel></domain>", OptionalLong.of(7));
    }

    @Test
    void aDenialLoggedWhileTheSessionRunsReachesBothVmsTrails() throws Exception {
        await(() -> latest.get() != null && latest.get().of("web").isPresent(), "the first reading names web");
        assertEquals(List.of(), latest.get().of("web").orElseThrow().entries());

        log.add("type=AVC msg=audit(1796050873.064:644): avc:  denied  { open } for  pid=4242 comm=\"qemu\""
                + " path=\"/var/lib/libvirt/images/db.qcow2\" scontext=" + WEB
                + " tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=1");
        await(() -> latest.get().of("db").map(t -> t.entries().size()).orElse(0) == 1, "db's trail has the open");
        assertEquals(1, latest.get().of("web").orElseThrow().loggedOnly(), "web's trail has it as its own doing");
        assertEquals(latest.get(), session.denials().orElseThrow());
        await(() -> offsetsAsked.contains(1L), "the next read starts after the denial");
        List<Long> asked = List.copyOf(offsetsAsked);
        for (int i = 1; i < asked.size(); i++) {
            assertTrue(asked.get(i) >= asked.get(i - 1), "each read goes on from the last, never back: " + asked);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
