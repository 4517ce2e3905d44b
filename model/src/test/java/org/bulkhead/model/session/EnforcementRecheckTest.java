package org.bulkhead.model.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.isolation.DomainEnforcement.Verdict;
import org.bulkhead.model.security.FakeHostSecurity;
import org.bulkhead.model.security.Trust;
import org.bulkhead.model.store.ConnectionStatus;
import org.bulkhead.model.store.DomainKey;
import org.bulkhead.model.store.DomainStore;
import org.bulkhead.model.testing.InMemoryHypervisor;
import org.bulkhead.model.testing.ScriptedHypervisor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * setenforce and permissive modules change every VM's enforcement without a libvirt event: the
 * session re-reads the host's facts on its own and the store follows within a tick or two.
 */
class EnforcementRecheckTest {

    private static final String A = "11111111-1111-1111-1111-111111111111";
    private static final String SELINUX_CAPABILITIES = "<capabilities><host><uuid>00000000-0000-0000-0000-000000000001"
            + "</uuid><cpu><arch>x86_64</arch></cpu><secmodel><model>selinux</model><doi>0</doi>"
            + "<baselabel type='qemu'>system_u:system_r:svirt_t:s0</baselabel></secmodel><secmodel><model>dac</model>"
            + "<doi>0</doi><baselabel type='qemu'>+64055:+64055</baselabel></secmodel></host></capabilities>";

    private final InMemoryHypervisor host = new InMemoryHypervisor();
    private final ScriptedHypervisor hypervisor = new ScriptedHypervisor(host);
    private final FakeHostSecurity kernel = new FakeHostSecurity();
    private final DomainStore store = new DomainStore(Runnable::run);
    private final DomainKey key = new DomainKey(InMemoryHypervisor.URI, A);
    private ConnectionSession session;

    @BeforeEach
    void open() throws Exception {
        host.capabilities(SELINUX_CAPABILITIES);
        host.domains().put(A, new DomainRecord(A, "web", DomainState.RUNNING, "<domain type='qemu'><name>web"
                + "</name><uuid>" + A + "</uuid><seclabel type='dynamic' model='selinux' relabel='yes'><label>"
                + "system_u:system_r:svirt_t:s0:c1,c2</label></seclabel></domain>", OptionalLong.of(7)));
        DomainInspector inspector = new DomainInspector(info -> Optional.of(kernel));
        session = new ConnectionSession(hypervisor, InMemoryHypervisor.URI, store, inspector::probeHost, inspector,
                inspector::recheckHost, Duration.ofMillis(50));
        session.open();
        await(() -> store.status(InMemoryHypervisor.URI) == ConnectionStatus.OPEN, "the session connects");
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void loadingAndRemovingAPermissiveTypeReachesTheStoreWithoutAnEventOrALibvirtCall() throws Exception {
        assertEquals(Verdict.ENFORCED, verdict());
        int listings = hypervisor.calls("listDomains");

        kernel.permissiveTypes.add("svirt_t");
        await(() -> verdict() == Verdict.LOGGED, "the VM shows as logged only");
        assertEquals(Trust.Level.WEAK, store.get(key).orElseThrow().security().trust().level());

        kernel.permissiveTypes.remove("svirt_t");
        await(() -> verdict() == Verdict.ENFORCED, "the VM shows as enforced again");
        assertEquals(listings, hypervisor.calls("listDomains"), "judged again without asking libvirt");
    }

    @Test
    void setenforceZeroAndOneReachTheStore() throws Exception {
        kernel.mode = SecurityDriverInfo.Enforcement.PERMISSIVE;
        await(() -> verdict() == Verdict.LOGGED, "a permissive host enforces no VM");
        kernel.mode = SecurityDriverInfo.Enforcement.ENFORCING;
        await(() -> verdict() == Verdict.ENFORCED, "enforcing again");
    }

    private Verdict verdict() {
        return store.get(key).map(s -> s.security().domainEnforcement().verdict()).orElse(null);
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
