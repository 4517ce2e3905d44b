package org.bulkhead.model.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.label.DacLabel;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.ledger.LedgerConfig;
import org.bulkhead.model.session.DomainInspector;
import org.bulkhead.model.testing.InMemoryHypervisor;
import org.bulkhead.model.testing.ScriptedHypervisor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvisionerTest {

    private final InMemoryHypervisor host = new InMemoryHypervisor();
    private final ScriptedHypervisor scripted = new ScriptedHypervisor(host);
    private final HypervisorConnection connection = scripted.open(InMemoryHypervisor.URI);
    private LabelLedger ledger = new LabelLedger(LedgerConfig.defaults().withRandom(new Random(3)));

    private Provisioner provisioner() {
        return new Provisioner(connection, ledger, new DomainInspector(Optional.empty()));
    }

    private ProvisionDraft draft(String name) {
        return ProvisionPlanner.draft(ProvisionPlannerTest.request(name, true), Hosts.dac(), ledger,
                connection.storagePools());
    }

    @Test
    void finishCreatesTheVolumeDefinesAndStartsTheVm() {
        ProvisionDraft draft = draft("web");
        List<String> progress = new ArrayList<>();
        ProvisionOutcome outcome = provisioner().finish(draft, (step, state, detail) -> progress.add(step + " " + state));

        assertTrue(outcome.succeeded(), outcome.failure().toString());
        assertTrue(outcome.started());
        assertEquals(Set.of(draft.volumePath().orElseThrow()), host.volumes().keySet());
        assertTrue(host.domains().get(draft.uuid()).state().isActive());
        assertEquals(List.of("CHECK_LABEL RUNNING", "CHECK_LABEL DONE", "PREPARE_HOST SKIPPED", "CREATE_VOLUME RUNNING",
                "CREATE_VOLUME DONE",
                "DEFINE RUNNING", "DEFINE DONE", "START RUNNING", "START DONE", "VERIFY RUNNING", "VERIFY DONE"),
                progress);
        // the reservation became the defined domain's use
        assertEquals(Optional.of(draft.uuid()), ledger.ownerOfUid(draft.isolation().reservedUid().orElseThrow()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"listDomains", "createVolume", "createVolume:after", "define", "start", "start:after"})
    void aFailureAtAnyStepLeavesNothingBehind(String failingStep) {
        ProvisionDraft draft = draft("web");
        int uid = draft.isolation().reservedUid().orElseThrow();
        if (failingStep.endsWith(":after")) {
            scripted.failAfter(failingStep.substring(0, failingStep.indexOf(':')));
        } else {
            scripted.fail(failingStep);
        }

        ProvisionOutcome outcome = provisioner().finish(draft, ProvisionListener.NONE);

        assertFalse(outcome.succeeded());
        assertTrue(outcome.failure().orElseThrow().contains("injected failure"), outcome.failure().toString());
        assertTrue(host.domains().isEmpty(), "domain undefined");
        assertTrue(host.volumes().isEmpty(), "volume deleted");
        assertFalse(ledger.isUidTaken(uid), "ledger entry released");
        assertTrue(outcome.rollback().stream().noneMatch(line -> line.startsWith("could not")), outcome.rollback().toString());
    }

    @Test
    void aRollbackThatFailsTooSaysWhatIsLeftAndHowToRemoveIt() {
        ProvisionDraft draft = draft("web");
        scripted.fail("start");
        scripted.fail("deleteVolume");
        ProvisionOutcome outcome = provisioner().finish(draft, ProvisionListener.NONE);
        assertTrue(outcome.rollback().stream().anyMatch(line -> line.startsWith("could not")
                && line.contains("virsh vol-delete " + draft.volumePath().orElseThrow())), outcome.rollback().toString());
    }

    @Test
    void aLabelTakenBehindTheWizardsBackStopsFinishBeforeAnythingIsCreated() {
        ProvisionDraft draft = draft("web");
        String taken = draft.isolation().label().orElseThrow();
        host.put(InMemoryHypervisor.domain("11111111-2222-3333-4444-555555555555", "sneaky", DomainState.SHUT_OFF,
                "<seclabel type='static' model='dac' relabel='yes'><label>" + taken + "</label></seclabel>"));

        ProvisionOutcome outcome = provisioner().finish(draft, ProvisionListener.NONE);

        assertEquals(Optional.of(ProvisionStep.CHECK_LABEL), outcome.failedStep());
        assertTrue(outcome.failure().orElseThrow().contains("sneaky"), outcome.failure().toString());
        assertEquals(1, host.domains().size());
        assertTrue(host.volumes().isEmpty());
    }

    @Test
    void theLedgerNeverHandsOutACollisionAcrossRunsRestartsAndDomainsDefinedBehindItsBack() {
        // 40 UIDs for 30 VMs: random collisions would be near certain if the ledger forgot anything.
        LedgerConfig small = LedgerConfig.defaults().withUids(300_000, 300_039);
        Random random = new Random(42);
        for (int run = 0; run < 30; run++) {
            if (run % 5 == 0) {
                ledger = new LabelLedger(small.withRandom(new Random(run))); // an app restart: the ledger is rebuilt
                LabelUses.resync(ledger, connection.listDomains());
            }
            if (run % 7 == 3) {
                int uid = 300_000 + random.nextInt(40);
                if (!ledger.isUidTaken(uid)) {
                    host.put(InMemoryHypervisor.domain(java.util.UUID.randomUUID().toString(), "manual-" + run,
                            run % 2 == 0 ? DomainState.RUNNING : DomainState.SHUT_OFF,
                            "<seclabel type='static' model='dac' relabel='yes'><label>+" + uid + ":+64055</label>"
                                    + "</seclabel>"));
                }
            }
            ProvisionDraft draft = ProvisionPlanner.draft(ProvisionPlannerTest.request("vm-" + run, true),
                    Hosts.dac(), ledger, connection.storagePools());
            ProvisionOutcome outcome = provisioner().finish(draft, ProvisionListener.NONE);
            if (!outcome.succeeded()) {
                // Only allowed failure: a domain defined behind the wizard's back after it drafted took the UID.
                assertEquals(Optional.of(ProvisionStep.CHECK_LABEL), outcome.failedStep(), outcome.failure().toString());
            }
        }
        Set<Integer> uids = new HashSet<>();
        for (DomainRecord record : connection.listDomains()) {
            String label = DomainXml.parse(record.xml()).seclabels().get(0).label().orElseThrow();
            assertTrue(uids.add(DacLabel.parse(label).uid().getAsInt()), "UID of " + record.name() + " is unique: " + label);
        }
        assertTrue(uids.size() >= 30, "every run created its VM: " + uids.size());
        assertTrue(ledger.collisions().isEmpty(), ledger.collisions().toString());
    }
}
