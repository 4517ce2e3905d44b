package org.bulkhead.model.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.bulkhead.model.label.CategorySet;
import org.bulkhead.model.label.McsPair;
import org.bulkhead.model.label.SecurityContext;
import org.bulkhead.model.ledger.LabelUse.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drives a ledger with random allocations, releases and resyncs and checks it against a naive
 * model that recomputes everything from scratch. Small ranges make clashes and exhaustion common.
 */
class LabelLedgerPropertyTest {

    private static final int FIRST_CATEGORY = 0;
    private static final int LAST_CATEGORY = 11; // 66 pairs
    private static final int FIRST_UID = 5000;
    private static final int LAST_UID = 5039;
    private static final int DOMAINS = 30;

    private Random random;
    private LabelLedger ledger;
    private final Map<String, List<LabelUse>> uses = new HashMap<>();
    private final Set<McsPair> pendingPairs = new HashSet<>();
    private final Set<Integer> pendingUids = new HashSet<>();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20240501, 987654321})
    void theLedgerNeverHandsOutAPairOrUidThatIsInUseOrPending(long seed) {
        random = new Random(seed);
        ledger = new LabelLedger(new LedgerConfig("s0", FIRST_CATEGORY, LAST_CATEGORY, FIRST_UID, LAST_UID,
                new Random(seed * 31)));
        for (int step = 0; step < 5_000; step++) {
            switch (random.nextInt(8)) {
                case 0, 1 -> allocatePair();
                case 2 -> allocateUid();
                case 3 -> releaseSomething();
                case 4, 5 -> replaceOneDomain();
                case 6 -> removeOneDomain();
                default -> resyncEverything();
            }
            assertAgreesWithModel(step);
        }
    }

    private void allocatePair() {
        Set<McsPair> taken = takenPairs();
        int free = 66 - (int) taken.stream().filter(this::inRange).count();
        if (free == 0) {
            assertThrows(LabelPoolExhaustedException.class, () -> ledger.allocatePair("new"));
            return;
        }
        McsPair pair = ledger.allocatePair("new");
        assertFalse(taken.contains(pair), () -> "handed out " + pair + " although it is taken");
        assertEquals(true, inRange(pair));
        pendingPairs.add(pair);
    }

    private void allocateUid() {
        Set<Integer> taken = takenUids();
        int free = LAST_UID - FIRST_UID + 1 - (int) taken.stream().filter(this::inRange).count();
        if (free == 0) {
            assertThrows(LabelPoolExhaustedException.class, () -> ledger.allocateUid("new"));
            return;
        }
        int uid = ledger.allocateUid("new");
        assertFalse(taken.contains(uid), () -> "handed out UID " + uid + " although it is taken");
        pendingUids.add(uid);
    }

    private void releaseSomething() {
        if (random.nextBoolean() && !pendingPairs.isEmpty()) {
            McsPair pair = List.copyOf(pendingPairs).get(random.nextInt(pendingPairs.size()));
            ledger.release(pair);
            pendingPairs.remove(pair);
        } else if (!pendingUids.isEmpty()) {
            int uid = List.copyOf(pendingUids).get(random.nextInt(pendingUids.size()));
            ledger.releaseUid(uid);
            pendingUids.remove(uid);
        }
    }

    private void replaceOneDomain() {
        String uuid = "d" + random.nextInt(DOMAINS);
        List<LabelUse> fresh = randomUses(uuid);
        ledger.replaceDomain(uuid, fresh);
        uses.put(uuid, fresh);
        resolvePending(fresh);
    }

    private void removeOneDomain() {
        String uuid = "d" + random.nextInt(DOMAINS);
        ledger.removeDomain(uuid);
        uses.remove(uuid);
    }

    private void resyncEverything() {
        uses.clear();
        List<LabelUse> all = new ArrayList<>();
        for (int d = 0; d < DOMAINS; d++) {
            if (random.nextInt(3) > 0) {
                List<LabelUse> fresh = randomUses("d" + d);
                uses.put("d" + d, fresh);
                all.addAll(fresh);
            }
        }
        ledger.replaceAll(all);
        resolvePending(all);
    }

    // Some uses take a pending value on purpose: that is how an allocation normally comes back.
    private List<LabelUse> randomUses(String uuid) {
        boolean running = random.nextBoolean();
        List<LabelUse> list = new ArrayList<>();
        Kind kind = Kind.values()[random.nextInt(3)];
        McsPair pair = !pendingPairs.isEmpty() && random.nextInt(3) == 0
                ? List.copyOf(pendingPairs).get(random.nextInt(pendingPairs.size()))
                : randomPair();
        if (random.nextInt(5) == 0) {
            list.add(Uses.selinux(uuid, running, kind, randomWideLevel(pair)));
        } else {
            list.add(Uses.selinux(uuid, running, kind, pair));
        }
        if (random.nextBoolean()) {
            int uid = !pendingUids.isEmpty() && random.nextInt(3) == 0
                    ? List.copyOf(pendingUids).get(random.nextInt(pendingUids.size()))
                    : FIRST_UID - 5 + random.nextInt(LAST_UID - FIRST_UID + 10);
            list.add(Uses.dac(uuid, running, Kind.values()[random.nextInt(3)], "+" + uid + ":+" + uid));
        }
        return list;
    }

    // Three or more categories, sometimes as a range whose low level is the pair, sometimes the whole range.
    private String randomWideLevel(McsPair pair) {
        if (random.nextInt(6) == 0) {
            return "s0-s0:c0.c" + (LAST_CATEGORY + random.nextInt(3));
        }
        CategorySet wide = pair.categories();
        for (int extra = 1 + random.nextInt(3); extra > 0; extra--) {
            wide = wide.union(CategorySet.of(random.nextInt(LAST_CATEGORY + 3)));
        }
        if (wide.size() < 3) {
            wide = wide.union(CategorySet.of(pair.first() == 0 ? LAST_CATEGORY + 2 : 0));
        }
        return random.nextBoolean() ? "s0:" + wide : pair.level("s0") + "-s0:" + wide;
    }

    // Mostly inside the ledger's range, sometimes just outside it.
    private McsPair randomPair() {
        int a = random.nextInt(LAST_CATEGORY + 3);
        int b = random.nextInt(LAST_CATEGORY + 3);
        while (b == a) {
            b = random.nextInt(LAST_CATEGORY + 3);
        }
        return new McsPair(Math.min(a, b), Math.max(a, b));
    }

    private void resolvePending(List<LabelUse> arrived) {
        for (LabelUse use : arrived) {
            Occupation.of(use).ifPresent(o -> {
                if (o.pair() != null) {
                    pendingPairs.remove(o.pair());
                }
                if (o.uid() >= 0) {
                    pendingUids.remove(o.uid());
                }
            });
        }
    }

    private Set<McsPair> takenPairs() {
        Set<McsPair> taken = new HashSet<>(pendingPairs);
        for (List<LabelUse> list : uses.values()) {
            for (LabelUse use : list) {
                if (use.model() != org.bulkhead.model.label.SecurityModel.DAC && use.isInForce()) {
                    taken.addAll(coveredPairs(use.label()));
                }
            }
        }
        return taken;
    }

    // Every pair of the high level's categories, unless they cover the whole range (then none).
    private static Set<McsPair> coveredPairs(String label) {
        CategorySet high = SecurityContext.parse(label).range().high().categories();
        if (high.containsAll(CategorySet.range(FIRST_CATEGORY, LAST_CATEGORY))) {
            return Set.of();
        }
        int[] categories = high.toArray();
        Set<McsPair> pairs = new HashSet<>();
        for (int j = 1; j < categories.length; j++) {
            for (int i = 0; i < j; i++) {
                pairs.add(new McsPair(categories[i], categories[j]));
            }
        }
        return pairs;
    }

    private Set<Integer> takenUids() {
        Set<Integer> taken = new HashSet<>(pendingUids);
        for (List<LabelUse> list : uses.values()) {
            for (LabelUse use : list) {
                if (use.model() == org.bulkhead.model.label.SecurityModel.DAC && use.isInForce()) {
                    taken.add(Integer.parseInt(use.label().substring(1, use.label().indexOf(':'))));
                }
            }
        }
        return taken;
    }

    private boolean inRange(McsPair pair) {
        return pair.first() >= FIRST_CATEGORY && pair.second() <= LAST_CATEGORY;
    }

    private boolean inRange(int uid) {
        return uid >= FIRST_UID && uid <= LAST_UID;
    }

    private void assertAgreesWithModel(int step) {
        Set<McsPair> taken = takenPairs();
        assertEquals(66 - taken.stream().filter(this::inRange).count(), ledger.freePairs(), "free pairs at step " + step);
        Set<Integer> uids = takenUids();
        assertEquals(LAST_UID - FIRST_UID + 1 - uids.stream().filter(this::inRange).count(), ledger.freeUids(),
                "free UIDs at step " + step);
        for (McsPair pair : taken) {
            assertEquals(true, ledger.isTaken(pair), () -> pair + " should be taken at step " + step);
        }
        McsPair probe = randomPair();
        assertEquals(taken.contains(probe), ledger.isTaken(probe), () -> probe + " at step " + step);
    }
}
