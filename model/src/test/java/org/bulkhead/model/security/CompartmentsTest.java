package org.bulkhead.model.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.bulkhead.model.store.Compartments;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.ledger.LabelUse;
import org.junit.jupiter.api.Test;

/** Which domains share a compartment, judged by the label that confines each of them. */
class CompartmentsTest {

    private static final String SVIRT = "system_u:system_r:svirt_t:s0:";

    private static List<LabelUse> selinuxVm(String uuid, String name, String pair) {
        // A running dynamic SELinux VM: its own pair, and libvirt's shared DAC user beside it.
        return List.of(new LabelUse(uuid, name, true, LabelUse.Kind.DYNAMIC, SecurityModel.SELINUX, SVIRT + pair),
                new LabelUse(uuid, name, true, LabelUse.Kind.DYNAMIC, SecurityModel.DAC, "+64055:+64055"));
    }

    @Test
    void selinuxVmsWithPairsOfTheirOwnDoNotShareBecauseOfTheirCommonDacUser() {
        List<LabelUse> uses = new ArrayList<>(selinuxVm("a", "a", "c1,c2"));
        uses.addAll(selinuxVm("b", "b", "c3,c4"));
        assertEquals(List.of(), Compartments.sharers("a", uses));
    }

    @Test
    void aStoppedVmWithAStaticCopyOfARunningVmsPairSharesItsCompartment() {
        List<LabelUse> uses = new ArrayList<>(selinuxVm("a", "a", "c1,c2"));
        uses.add(new LabelUse("c", "copy", false, LabelUse.Kind.STATIC, SecurityModel.SELINUX, SVIRT + "c1,c2"));
        assertEquals(List.of("copy"), Compartments.sharers("a", uses));
        assertEquals(List.of("a"), Compartments.sharers("c", uses));
    }

    @Test
    void onADacHostTheUserIsTheCompartmentAndAStoppedDynamicLabelHoldsNothing() {
        List<LabelUse> uses = List.of(
                new LabelUse("a", "a", true, LabelUse.Kind.STATIC, SecurityModel.DAC, "+200001:+64055"),
                new LabelUse("b", "b", false, LabelUse.Kind.STATIC, SecurityModel.DAC, "+200001:+64055"),
                new LabelUse("c", "c", false, LabelUse.Kind.DYNAMIC, SecurityModel.DAC, "+200001:+64055"));
        assertEquals(List.of("b"), Compartments.sharers("a", uses));
    }
}
