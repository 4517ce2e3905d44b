package org.bulkhead.model.ledger;

import static org.bulkhead.model.ledger.Uses.dac;
import static org.bulkhead.model.ledger.Uses.selinux;
import static org.bulkhead.model.ledger.Uses.smallConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bulkhead.model.label.McsPair;
import org.bulkhead.model.ledger.Collision.Kind;
import org.junit.jupiter.api.Test;

class LedgerCollisionsTest {

    private final LabelLedger ledger = new LabelLedger(smallConfig(1));

    @Test
    void aStaticLabelOfAStoppedVmEqualToARunningVmsDynamicLabelIsAnIsolationHole() {
        ledger.replaceAll(List.of(
                selinux("running", true, LabelUse.Kind.DYNAMIC, "s0:c471,c901"),
                selinux("stopped", false, LabelUse.Kind.STATIC, "s0:c471,c901")));
        List<Collision> collisions = ledger.collisions();
        assertEquals(1, collisions.size(), collisions::toString);
        Collision c = collisions.get(0);
        assertEquals(Kind.STATIC_EQUALS_RUNNING_DYNAMIC, c.kind());
        assertEquals("stopped", c.domainA(), "the static label is the one to change");
        assertEquals("running", c.domainB());
        assertEquals("s0:c471,c901", c.label());
        assertTrue(c.explanation().contains("'vm-stopped'") && c.explanation().contains("'vm-running'"),
                c.explanation());
    }

    @Test
    void aPinnedLabelEqualToARunningDynamicLabelIsFlaggedTheSameWay() {
        ledger.replaceAll(List.of(
                selinux("pinned", true, LabelUse.Kind.PINNED, "s0:c1,c2"),
                selinux("dynamic", true, LabelUse.Kind.DYNAMIC, "s0:c1,c2")));
        assertEquals(List.of(Kind.STATIC_EQUALS_RUNNING_DYNAMIC), kinds());
    }

    @Test
    void twoStaticLabelsWithTheSamePairCollideWhetherOrNotTheyRun() {
        ledger.replaceAll(List.of(
                selinux("b", false, LabelUse.Kind.STATIC, "s0:c1,c2"),
                selinux("a", false, LabelUse.Kind.PINNED, "s0:c1,c2")));
        List<Collision> collisions = ledger.collisions();
        assertEquals(1, collisions.size());
        assertEquals(new Collision(Kind.SHARED_MCS_PAIR, "a", "b", "s0:c1,c2",
                "VMs 'vm-a' and 'vm-b' both use MCS categories c1,c2, so whenever both run each can open"
                        + " the other's disk images."), collisions.get(0));
    }

    @Test
    void theSamePairAtAnotherSensitivityStillCollides() {
        ledger.replaceAll(List.of(
                selinux("a", true, LabelUse.Kind.STATIC, "s0:c1,c2"),
                selinux("b", true, LabelUse.Kind.STATIC, "s1:c1,c2")));
        assertEquals(List.of(Kind.SHARED_MCS_PAIR), kinds());
    }

    @Test
    void aStoppedVmsDynamicLabelCollidesWithNothing() {
        ledger.replaceAll(List.of(
                selinux("stopped", false, LabelUse.Kind.DYNAMIC, "s0:c1,c2"),
                selinux("static", false, LabelUse.Kind.STATIC, "s0:c1,c2")));
        assertEquals(List.of(), ledger.collisions());
    }

    @Test
    void differentPairsDoNotCollideEvenWhenTheyShareACategory() {
        ledger.replaceAll(List.of(
                selinux("a", true, LabelUse.Kind.DYNAMIC, "s0:c1,c2"),
                selinux("b", true, LabelUse.Kind.DYNAMIC, "s0:c2,c3")));
        assertEquals(List.of(), ledger.collisions());
    }

    @Test
    void sharedUncategorisedLabelsAreNotIsolatedByDesignAndNotReported() {
        ledger.replaceAll(List.of(
                selinux("a", true, LabelUse.Kind.STATIC, "s0"),
                selinux("b", true, LabelUse.Kind.STATIC, "s0")));
        assertEquals(List.of(), ledger.collisions());
    }

    @Test
    void aVmWithManyCategoriesCanReachEveryVmWhosePairItIncludes() {
        ledger.replaceAll(List.of(
                selinux("wide", true, LabelUse.Kind.STATIC, "s0:c0.c9"),
                selinux("inside", true, LabelUse.Kind.DYNAMIC, "s0:c3,c4"),
                selinux("outside", true, LabelUse.Kind.DYNAMIC, "s0:c3,c40")));
        List<Collision> collisions = ledger.collisions();
        assertEquals(1, collisions.size(), collisions::toString);
        Collision c = collisions.get(0);
        assertEquals(Kind.CATEGORIES_COVER, c.kind());
        assertEquals("wide", c.domainA());
        assertEquals("inside", c.domainB());
        assertEquals("s0:c3,c4", c.label());
    }

    @Test
    void aClearanceRangeCountsAsWhatTheVmCanReach() {
        ledger.replaceAll(List.of(
                new LabelUse("ranged", "ranged", true, LabelUse.Kind.STATIC,
                        org.bulkhead.model.label.SecurityModel.SELINUX, "system_u:system_r:svirt_t:s0-s0:c1,c2"),
                selinux("plain", true, LabelUse.Kind.DYNAMIC, "s0:c1,c2")));
        assertEquals(List.of(Kind.STATIC_EQUALS_RUNNING_DYNAMIC), kinds());
        assertTrue(ledger.isTaken(new McsPair(1, 2)));
    }

    @Test
    void identicalCategorySetsThatAreNotPairsCollide() {
        ledger.replaceAll(List.of(
                selinux("a", true, LabelUse.Kind.STATIC, "s0:c5"),
                selinux("b", true, LabelUse.Kind.STATIC, "s0:c5"),
                selinux("c", true, LabelUse.Kind.DYNAMIC, "s0:c5,c6")));
        List<Collision> collisions = ledger.collisions();
        assertEquals(List.of(Kind.SHARED_CATEGORIES, Kind.CATEGORIES_COVER, Kind.CATEGORIES_COVER), kinds());
        assertEquals("c", collisions.get(1).domainA());
        assertEquals("a", collisions.get(1).domainB());
    }

    @Test
    void twoVmsPinnedToTheSameUidCollide() {
        ledger.replaceAll(List.of(
                dac("a", false, LabelUse.Kind.PINNED, "+1003:+64055"),
                dac("b", true, LabelUse.Kind.STATIC, "1003:kvm")));
        List<Collision> collisions = ledger.collisions();
        assertEquals(1, collisions.size());
        assertEquals(Kind.SHARED_UID, collisions.get(0).kind());
        assertEquals("+1003", collisions.get(0).label());
        assertTrue(collisions.get(0).explanation().contains("UID 1003"), collisions.get(0).explanation());
    }

    @Test
    void aStaticUidEqualToLibvirtsDynamicUserIsAnIsolationHole() {
        ledger.replaceAll(List.of(
                dac("default", true, LabelUse.Kind.DYNAMIC, "+64055:+64055"),
                dac("pinned", false, LabelUse.Kind.PINNED, "+64055:+64055")));
        assertEquals(List.of(Kind.STATIC_EQUALS_RUNNING_DYNAMIC), kinds());
        assertEquals("pinned", ledger.collisions().get(0).domainA());
    }

    @Test
    void runningVmsUnderLibvirtsSharedDynamicUserAreNotReported() {
        ledger.replaceAll(List.of(
                dac("a", true, LabelUse.Kind.DYNAMIC, "+64055:+64055"),
                dac("b", true, LabelUse.Kind.DYNAMIC, "+64055:+64055")));
        assertEquals(List.of(), ledger.collisions());
    }

    @Test
    void aDomainNeverCollidesWithItself() {
        ledger.replaceAll(List.of(
                selinux("a", true, LabelUse.Kind.DYNAMIC, "s0:c1,c2"),
                new LabelUse("a", "vm-a", true, LabelUse.Kind.STATIC,
                        org.bulkhead.model.label.SecurityModel.TEST, "u:r:t:s0:c1,c2")));
        assertEquals(List.of(), ledger.collisions());
    }

    @Test
    void collisionsDisappearOnceTheOffendingDomainIsRelabelled() {
        ledger.replaceAll(List.of(
                selinux("running", true, LabelUse.Kind.DYNAMIC, "s0:c1,c2"),
                selinux("stopped", false, LabelUse.Kind.STATIC, "s0:c1,c2")));
        assertEquals(1, ledger.collisions().size());
        McsPair fresh = ledger.allocatePair("stopped");
        ledger.replaceDomain("stopped", List.of(selinux("stopped", false, LabelUse.Kind.PINNED, fresh)));
        assertEquals(List.of(), ledger.collisions());
    }

    private List<Kind> kinds() {
        return ledger.collisions().stream().map(Collision::kind).toList();
    }
}
