package org.bulkhead.model.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.bulkhead.model.domain.NewDisk;
import org.bulkhead.model.isolation.IsolationModels;
import org.bulkhead.model.isolation.IsolationPlan;
import org.bulkhead.model.domain.SecLabel;
import org.bulkhead.model.label.SecurityContext;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.ledger.LedgerConfig;
import org.junit.jupiter.api.Test;

class IsolationModelsTest {

    private final LabelLedger ledger = new LabelLedger(LedgerConfig.defaults().withRandom(new Random(5)));

    @Test
    void selinuxIsolatedIsDynamicAndLibvirtPicksThePair() {
        IsolationPlan plan = IsolationModels.plan(Hosts.selinux(), true, false, ledger, "u1");
        assertEquals(List.of(SecLabel.dynamic("selinux")), plan.seclabels());
        assertEquals("libvirt will allocate a unique pair at start", plan.labelText());
        assertFalse(plan.reserves());
    }

    @Test
    void selinuxPinnedIsAStaticRelabelledLabelFromTheLedger() {
        IsolationPlan plan = IsolationModels.plan(Hosts.selinux(), true, true, ledger, "u1");
        SecLabel seclabel = plan.seclabels().get(0);
        assertEquals(Optional.of(SecLabel.Type.STATIC), seclabel.type());
        assertEquals(Optional.of(true), seclabel.relabel());
        SecurityContext label = SecurityContext.parse(seclabel.label().orElseThrow());
        assertEquals("svirt_t", label.type());
        assertEquals(plan.reservedPair(), label.mcsPair());
        assertEquals(Optional.of("u1"), ledger.ownerOf(plan.reservedPair().orElseThrow()));
    }

    @Test
    void selinuxUncheckedIsOneSharedLabelAtS0() {
        IsolationPlan plan = IsolationModels.plan(Hosts.selinux(), false, false, ledger, "u1");
        assertEquals(List.of(SecLabel.fixed("selinux", "system_u:system_r:svirt_t:s0", true)), plan.seclabels());
    }

    @Test
    void apparmorIsolatedIsDynamicAndUncheckedIsUnconfined() {
        assertEquals(List.of(SecLabel.dynamic("apparmor")),
                IsolationModels.plan(Hosts.apparmor(), true, false, ledger, "u1").seclabels());
        assertEquals(List.of(SecLabel.none("apparmor")),
                IsolationModels.plan(Hosts.apparmor(), false, false, ledger, "u1").seclabels());
    }

    @Test
    void dacIsolatedRunsAsAUidOfItsOwnWithQemusGroupAndPrivateImages() {
        IsolationPlan plan = IsolationModels.plan(Hosts.dac(), true, false, ledger, "u1");
        int uid = plan.reservedUid().orElseThrow();
        assertTrue(uid >= LedgerConfig.DEFAULT_FIRST_UID && uid <= LedgerConfig.DEFAULT_LAST_UID);
        assertEquals(List.of(SecLabel.fixed("dac", "+" + uid + ":+64055", true)), plan.seclabels());
        assertEquals(0600, plan.volumeMode());
        assertEquals(Optional.of("u1"), ledger.ownerOfUid(uid));
    }

    @Test
    void dacUncheckedLeavesLibvirtsSharedUser() {
        IsolationPlan plan = IsolationModels.plan(Hosts.dac(), false, false, ledger, "u1");
        assertEquals(List.of(), plan.seclabels());
        assertEquals(Optional.of(Hosts.QEMU_DAC), plan.label());
        assertEquals(-1, plan.volumeMode());
    }

    @Test
    void testDriverGetsALedgerLabelMarkedSimulated() {
        IsolationPlan plan = IsolationModels.plan(Hosts.test(), true, false, ledger, "u1");
        assertEquals("testSecurity", plan.seclabels().get(0).model());
        assertTrue(plan.simulated());
        assertTrue(plan.labelText().contains("simulated"), plan.labelText());
        assertTrue(plan.reservedPair().isPresent());
    }

    @Test
    void aHostWithoutSecurityDriverRefusesIsolatedInsteadOfWeakeningIt() {
        assertTrue(IsolationModels.of(Hosts.none()).unavailableReason(Hosts.none()).orElseThrow().contains("uncheck Isolated"));
        assertThrows(IllegalStateException.class, () -> IsolationModels.plan(Hosts.none(), true, false, ledger, "u"));
        assertEquals(List.of(), IsolationModels.plan(Hosts.none(), false, false, ledger, "u").seclabels());
    }

    @Test
    void releasingAPlanFreesItsReservation() {
        IsolationPlan plan = IsolationModels.plan(Hosts.dac(), true, false, ledger, "u1");
        plan.release(ledger);
        assertFalse(ledger.isUidTaken(plan.reservedUid().orElseThrow()));
    }

    @Test
    void theTableChoosesTheFirstModelThatConfinesAndEachRowAnswersForItself() {
        assertEquals("SELinux", IsolationModels.of(Hosts.selinux()).title());
        assertEquals("AppArmor", IsolationModels.of(Hosts.apparmor()).title());
        assertEquals("DAC only (file owners)", IsolationModels.of(Hosts.dac()).title(), "none is listed first, dac second");
        assertTrue(IsolationModels.of(Hosts.test()).simulated());
        assertFalse(IsolationModels.of(Hosts.none()).confines());

        assertTrue(IsolationModels.of(Hosts.selinux()).canPin(), "only SELinux has a dynamic label to pin");
        assertFalse(IsolationModels.of(Hosts.dac()).canPin());
        assertFalse(IsolationModels.of(Hosts.apparmor()).canPin());

        NewDisk iso = NewDisk.cdrom("/isos/d.iso", "sda");
        assertEquals(List.of("dac"), IsolationModels.of(Hosts.dac()).installMedium(iso).leftAloneBy(),
                "a DAC host never chowns install media to one VM");
        assertEquals(List.of(), IsolationModels.of(Hosts.selinux()).installMedium(iso).leftAloneBy(),
                "SELinux gives them the shared read-only content label");
        assertTrue(IsolationModels.of(Hosts.dac()).privateUser());
        assertFalse(IsolationModels.of(Hosts.selinux()).privateUser());
    }
}
