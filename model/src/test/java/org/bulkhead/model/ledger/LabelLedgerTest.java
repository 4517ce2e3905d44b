package org.bulkhead.model.ledger;

import static org.bulkhead.model.ledger.Uses.dac;
import static org.bulkhead.model.ledger.Uses.selinux;
import static org.bulkhead.model.ledger.Uses.smallConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.McsPair;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.ledger.LabelUse.Kind;
import org.junit.jupiter.api.Test;

class LabelLedgerTest {

    @Test
    void aSmallRangeFillsCompletelyWithDistinctPairsAndThenSaysItIsExhausted() {
        LabelLedger ledger = new LabelLedger(smallConfig(1));
        Set<McsPair> handedOut = new HashSet<>();
        for (int i = 0; i < 45; i++) {
            McsPair pair = ledger.allocatePair("new-" + i);
            assertTrue(pair.second() <= 9, pair::toString);
            assertTrue(handedOut.add(pair), () -> "handed out twice: " + pair);
        }
        assertEquals(0, ledger.freePairs());
        var e = assertThrows(LabelPoolExhaustedException.class, () -> ledger.allocatePair("one-too-many"));
        assertTrue(e.getMessage().contains("All 45 MCS pairs of categories c0..c9"), e.getMessage());
        assertTrue(e.getMessage().contains("c0..c1023 holds 523,776 pairs"), e.getMessage());
    }

    @Test
    void aReleasedPairCanBeHandedOutAgain() {
        LabelLedger ledger = new LabelLedger(smallConfig(2));
        List<McsPair> all = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            all.add(ledger.allocatePair("d" + i));
        }
        McsPair released = all.get(17);
        assertTrue(ledger.release(released));
        assertFalse(ledger.release(released), "a second release finds nothing pending");
        assertEquals(1, ledger.freePairs());
        assertEquals(released, ledger.allocatePair("again"));
    }

    @Test
    void theUidRangeFillsCompletelyAndThenSaysHowToWidenIt() {
        LabelLedger ledger = new LabelLedger(smallConfig(3));
        Set<Integer> handedOut = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            int uid = ledger.allocateUid("d" + i);
            assertTrue(uid >= 1000 && uid <= 1009, () -> "outside the range: " + uid);
            assertTrue(handedOut.add(uid), () -> "handed out twice: " + uid);
        }
        var e = assertThrows(LabelPoolExhaustedException.class, () -> ledger.allocateUid("x"));
        assertTrue(e.getMessage().contains("All 10 UIDs from 1000 to 1009"), e.getMessage());
        assertTrue(e.getMessage().contains("firstUid..lastUid"), e.getMessage());
        assertTrue(ledger.releaseUid(1004));
        assertEquals(1004, ledger.allocateUid("y"));
    }

    @Test
    void isolatedVmsNeverShareCategories() {
        LabelLedger ledger = new LabelLedger(smallConfig(4));
        List<LabelUse> uses = new ArrayList<>();
        Set<McsPair> pinned = new HashSet<>();
        for (int i = 0; i < 44; i++) {
            McsPair pair = ledger.allocatePair("vm" + i);
            pinned.add(pair);
            uses.add(selinux("vm" + i, i % 2 == 0, Kind.PINNED, pair));
        }
        ledger.replaceAll(uses);
        assertEquals(44, pinned.size());
        assertFalse(pinned.contains(ledger.allocatePair("vm44")));
        assertEquals(List.of(), ledger.collisions());
    }

    @Test
    void pairsHeldByRunningDomainsAreNeverHandedOut() {
        LabelLedger ledger = new LabelLedger(smallConfig(5));
        List<LabelUse> uses = new ArrayList<>();
        for (int b = 1; b <= 9; b++) {
            uses.add(selinux("dyn" + b, true, Kind.DYNAMIC, new McsPair(0, b)));
        }
        ledger.replaceAll(uses);
        assertEquals(36, ledger.freePairs());
        for (int i = 0; i < 36; i++) {
            assertNotEquals(0, ledger.allocatePair("new").first(), "c0 pairs all belong to running VMs");
        }
        assertThrows(LabelPoolExhaustedException.class, () -> ledger.allocatePair("new"));
    }

    @Test
    void aDynamicLabelOfAStoppedDomainFreesItsPair() {
        LabelLedger ledger = new LabelLedger(smallConfig(6));
        McsPair pair = new McsPair(3, 4);
        ledger.replaceDomain("a", List.of(selinux("a", true, Kind.DYNAMIC, pair)));
        assertTrue(ledger.isTaken(pair));
        assertEquals(Optional.of("a"), ledger.ownerOf(pair));
        assertEquals(44, ledger.freePairs());

        ledger.replaceDomain("a", List.of(selinux("a", false, Kind.DYNAMIC, pair)));
        assertFalse(ledger.isTaken(pair));
        assertEquals(Optional.empty(), ledger.ownerOf(pair));
        assertEquals(45, ledger.freePairs());
    }

    @Test
    void aStaticLabelHoldsItsPairEvenWhileTheDomainIsStopped() {
        LabelLedger ledger = new LabelLedger(smallConfig(7));
        McsPair pair = new McsPair(3, 4);
        ledger.replaceDomain("a", List.of(selinux("a", false, Kind.STATIC, pair)));
        ledger.replaceDomain("b", List.of(selinux("b", false, Kind.PINNED, new McsPair(5, 6))));
        assertTrue(ledger.isTaken(pair));
        assertTrue(ledger.isTaken(new McsPair(5, 6)));
        assertEquals(43, ledger.freePairs());
        ledger.removeDomain("a");
        assertFalse(ledger.isTaken(pair), "undefining the domain frees its static pair");
    }

    @Test
    void aPendingPairStaysReservedUntilItsDomainArrivesAndThenBelongsToTheDomain() {
        LabelLedger ledger = new LabelLedger(smallConfig(8));
        McsPair pair = ledger.allocatePair("wizard-vm");
        assertEquals(Optional.of("wizard-vm"), ledger.ownerOf(pair));

        McsPair other = pair.equals(new McsPair(0, 1)) ? new McsPair(0, 2) : new McsPair(0, 1);
        ledger.replaceAll(List.of(selinux("other", true, Kind.DYNAMIC, other)));
        assertTrue(ledger.isTaken(pair), "a resync without the new domain keeps the reservation");

        ledger.replaceDomain("wizard-vm", List.of(selinux("wizard-vm", false, Kind.PINNED, pair)));
        assertFalse(ledger.release(pair), "the use replaced the reservation");
        assertTrue(ledger.isTaken(pair));
        ledger.removeDomain("wizard-vm");
        assertFalse(ledger.isTaken(pair), "nothing pending is left behind once the domain goes");
    }

    @Test
    void pairsOutsideTheRangeAreTrackedButDoNotCountAgainstIt() {
        LabelLedger ledger = new LabelLedger(smallConfig(9));
        McsPair outside = new McsPair(471, 901);
        ledger.replaceDomain("far", List.of(selinux("far", true, Kind.DYNAMIC, outside)));
        assertTrue(ledger.isTaken(outside));
        assertEquals(Optional.of("far"), ledger.ownerOf(outside));
        assertEquals(45, ledger.freePairs());
    }

    @Test
    void levelsThatCoverNoPairReserveNothing() {
        LabelLedger ledger = new LabelLedger(smallConfig(10));
        ledger.replaceAll(List.of(
                selinux("shared1", true, Kind.STATIC, "s0"),
                selinux("single", true, Kind.STATIC, "s0:c3"),
                new LabelUse("aa", "aa", true, Kind.DYNAMIC, SecurityModel.APPARMOR,
                        "libvirt-6695eb01-f6a4-8304-79aa-97f2502e193f")));
        assertEquals(45, ledger.freePairs());
    }

    @Test
    void aRangedStaticLabelReservesEveryPairItsHighLevelReachesItsLowPairIncluded() {
        LabelLedger ledger = new LabelLedger(new LedgerConfig("s0", 0, 3, 1000, 1009, new Random(21)));
        ledger.replaceAll(List.of(selinux("ranged", false, Kind.STATIC, "s0:c0,c1-s0:c0,c1,c2")));

        Set<McsPair> covered = Set.of(new McsPair(0, 1), new McsPair(0, 2), new McsPair(1, 2));
        for (McsPair pair : covered) {
            assertTrue(ledger.isTaken(pair), pair + " is reachable by the ranged VM");
            assertEquals(Optional.of("ranged"), ledger.ownerOf(pair));
        }
        assertEquals(3, ledger.freePairs(), "6 pairs in c0..c3, 3 of them covered");
        Set<McsPair> handedOut = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            McsPair pair = ledger.allocatePair("new" + i);
            assertFalse(covered.contains(pair), "handed out " + pair + ", which the ranged VM can open");
            handedOut.add(pair);
        }
        assertEquals(3, handedOut.size());
        assertThrows(LabelPoolExhaustedException.class, () -> ledger.allocatePair("none"));
    }

    @Test
    void aLabelWithThreeCategoriesReservesTheThreePairsItCoversAndFreesThemWhenRelabelled() {
        LabelLedger ledger = new LabelLedger(smallConfig(11));
        ledger.replaceDomain("three", List.of(selinux("three", true, Kind.STATIC, "s0:c4,c5,c6")));
        assertEquals(42, ledger.freePairs());
        assertTrue(ledger.isTaken(new McsPair(4, 6)));
        assertFalse(ledger.isTaken(new McsPair(4, 7)));

        ledger.replaceDomain("three", List.of(selinux("three", true, Kind.STATIC, "s0:c4,c5")));
        assertEquals(44, ledger.freePairs());
        assertFalse(ledger.isTaken(new McsPair(4, 6)), "no longer covered");
        ledger.removeDomain("three");
        assertEquals(45, ledger.freePairs());
    }

    @Test
    void aPairHeldExactlyStaysTakenWhenAWideLabelCoveringItGoes() {
        LabelLedger ledger = new LabelLedger(smallConfig(12));
        ledger.replaceAll(List.of(
                selinux("wide", true, Kind.STATIC, "s0:c1.c4"),
                selinux("exact", true, Kind.DYNAMIC, "s0:c2,c3")));
        assertEquals(39, ledger.freePairs(), "c1..c4 cover 6 pairs, c2,c3 among them");
        ledger.removeDomain("wide");
        assertTrue(ledger.isTaken(new McsPair(2, 3)));
        assertEquals(44, ledger.freePairs());
    }

    @Test
    void aLabelCoveringTheWholeRangeReservesNothingButIsReportedAgainstTheVmsItReaches() {
        LabelLedger ledger = new LabelLedger(LedgerConfig.defaults().withRandom(new Random(14)));
        ledger.replaceAll(List.of(
                selinux("unconfined", true, Kind.STATIC, "s0-s0:c0.c1023"),
                selinux("isolated", true, Kind.DYNAMIC, "s0:c7,c9")));
        assertEquals(523_775, ledger.freePairs(), "only the exact pair is held; allocation still works");
        assertFalse(ledger.isTaken(new McsPair(100, 200)));
        McsPair pair = ledger.allocatePair("new");
        assertNotEquals(new McsPair(7, 9), pair);
        assertTrue(ledger.collisions().stream().anyMatch(c -> c.kind() == Collision.Kind.CATEGORIES_COVER
                && c.domainA().equals("unconfined") && c.domainB().equals("isolated")), ledger.collisions()::toString);
    }

    @Test
    void aLabelCoveringAllButOneCategoryLeavesOnlyThePairsWithThatCategory() {
        LabelLedger ledger = new LabelLedger(LedgerConfig.defaults().withRandom(new Random(15)));
        ledger.replaceAll(List.of(selinux("almost", true, Kind.STATIC, "s0:c0.c1022")));
        assertEquals(1023, ledger.freePairs());
        for (int i = 0; i < 1023; i++) {
            McsPair pair = ledger.allocatePair("new" + i);
            assertEquals(1023, pair.second(), "only pairs with c1023 are out of the wide VM's reach");
        }
        assertThrows(LabelPoolExhaustedException.class, () -> ledger.allocatePair("none"));
        ledger.removeDomain("almost");
        assertEquals(523_776 - 1023, ledger.freePairs(), "its pairs free up; the pending ones stay");
    }

    @Test
    void numericDacLabelsHoldTheirUidAndNamedOnesDoNot() {
        LabelLedger ledger = new LabelLedger(smallConfig(11));
        ledger.replaceAll(List.of(
                dac("a", false, Kind.PINNED, "+1003:+64055"),
                dac("b", true, Kind.STATIC, "1005:kvm"),
                dac("c", true, Kind.STATIC, "qemu:kvm"),
                dac("d", false, Kind.DYNAMIC, "+1007:+1007")));
        assertTrue(ledger.isUidTaken(1003));
        assertTrue(ledger.isUidTaken(1005));
        assertFalse(ledger.isUidTaken(1007), "a stopped domain's dynamic label holds nothing");
        assertEquals(Optional.of("a"), ledger.ownerOfUid(1003));
        assertEquals(8, ledger.freeUids());
        for (int i = 0; i < 8; i++) {
            int uid = ledger.allocateUid("n" + i);
            assertTrue(uid != 1003 && uid != 1005, () -> "handed out a held UID " + uid);
        }
    }

    @Test
    void replaceDomainRejectsAnotherDomainsUse() {
        LabelLedger ledger = new LabelLedger(smallConfig(12));
        assertThrows(IllegalArgumentException.class,
                () -> ledger.replaceDomain("a", List.of(selinux("b", true, Kind.STATIC, new McsPair(1, 2)))));
    }

    @Test
    void aLabelUseInTheWrongFormatIsRejectedWhenReported() {
        var e = assertThrows(LabelFormatException.class,
                () -> new LabelUse("a", "a", true, Kind.STATIC, SecurityModel.SELINUX, "+107:+107"));
        assertTrue(e.getMessage().contains("+107:+107"), e.getMessage());
    }

    @Test
    void allocationStaysCorrectWithAllButOnePairOfTheFullRangeTaken() {
        LabelLedger ledger = new LabelLedger(LedgerConfig.defaults().withRandom(new Random(13)));
        for (int i = 0; i < 523_775; i++) {
            ledger.allocatePair("d");
        }
        assertEquals(1, ledger.freePairs());
        List<McsPair> untaken = new ArrayList<>();
        for (int second = 1; second <= 1023; second++) {
            for (int first = 0; first < second; first++) {
                if (!ledger.isTaken(new McsPair(first, second))) {
                    untaken.add(new McsPair(first, second));
                }
            }
        }
        assertEquals(1, untaken.size());
        assertEquals(untaken.get(0), ledger.allocatePair("final"));
        assertEquals(0, ledger.freePairs());
        assertThrows(LabelPoolExhaustedException.class, () -> ledger.allocatePair("none"));
    }

    @Test
    void theConfigRejectsRangesThatHoldNothingOrIncludeRoot() {
        Random random = new Random();
        assertThrows(IllegalArgumentException.class, () -> new LedgerConfig("s0", 5, 5, 1000, 2000, random));
        assertThrows(IllegalArgumentException.class, () -> new LedgerConfig("s0", 0, 1024, 1000, 2000, random));
        assertThrows(IllegalArgumentException.class, () -> new LedgerConfig("s0", 0, 9, 0, 2000, random));
        assertThrows(IllegalArgumentException.class, () -> new LedgerConfig("s0", 0, 9, 2000, 1000, random));
        assertThrows(LabelFormatException.class, () -> new LedgerConfig("s99", 0, 9, 1000, 2000, random));
        assertEquals(523_776, LedgerConfig.defaults().pairCount());
        assertEquals(65_536, LedgerConfig.defaults().uidCount());
    }
}
