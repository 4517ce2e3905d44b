package org.bulkhead.model.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

import org.bulkhead.model.label.CategorySet;
import org.bulkhead.model.label.McsPair;

/**
 * Every label in use on one hypervisor connection, and the allocator of new ones.
 *
 * <p>A label use holds its MCS pair or DAC UID while it is in force: dynamic labels while their
 * domain runs (libvirt drops them at stop), static and pinned labels always, since the domain
 * will start with them. An allocation reserves what it returns until it is released or a label
 * use with that value arrives, so two wizards never get the same pair.
 *
 * <p>A label holds every pair its categories cover, not only an exact pair: under MCS a VM at
 * {@code c0,c1,c2} may open objects at {@code c0,c2}, and a range {@code s0:c0,c1-s0:c0,c1,c2}
 * reaches as far as its high level. Such wide labels are few, so they are kept in a list and
 * their pairs are marked in the pool; no map entry per covered pair.
 *
 * <p>Every public method is {@code synchronized}: allocations come from background tasks while
 * the domain store resynchronises from the event thread, and an uncontended monitor costs tens
 * of nanoseconds, far inside the microsecond budget for an allocation.
 */
public final class LabelLedger {

    private final LedgerConfig config;
    private final PairSpace pairSpace;
    private final IndexPool pairPool;
    private final IndexPool uidPool;

    private final Map<String, List<Occupation>> byDomain = new LinkedHashMap<>();
    // Domain UUIDs per held value, one entry per use, so a value frees when its last holder goes.
    private final Map<McsPair, List<String>> pairHolders = new HashMap<>();
    private final Map<Integer, List<String>> uidHolders = new HashMap<>();
    // Uses of three or more categories that do not cover the whole range (see holdsPairs).
    private final List<Occupation> wideHolders = new ArrayList<>();
    private final CategorySet rangeCategories;
    private final Map<McsPair, String> pendingPairs = new HashMap<>();
    private final Map<Integer, String> pendingUids = new HashMap<>();

    public LabelLedger(LedgerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.pairSpace = new PairSpace(config.firstCategory(), config.lastCategory());
        this.pairPool = new IndexPool(pairSpace.size());
        this.uidPool = new IndexPool(config.uidCount());
        this.rangeCategories = CategorySet.range(config.firstCategory(), config.lastCategory());
    }

    public LedgerConfig config() {
        return config;
    }

    /** Forgets every label use and takes these instead; pending reservations stay unless a use now holds them. */
    public synchronized void replaceAll(Collection<LabelUse> uses) {
        Map<String, List<Occupation>> fresh = new LinkedHashMap<>();
        for (LabelUse use : uses) {
            List<Occupation> domain = fresh.computeIfAbsent(use.domainUuid(), k -> new ArrayList<>());
            Occupation.of(use).ifPresent(domain::add);
        }
        byDomain.clear();
        pairHolders.clear();
        uidHolders.clear();
        wideHolders.clear();
        pairPool.clear();
        uidPool.clear();
        fresh.forEach(this::add);
        pendingPairs.keySet().forEach(this::refresh);
        pendingUids.keySet().forEach(this::refresh);
    }

    /** Replaces what one domain holds; every use must belong to {@code domainUuid}. */
    public synchronized void replaceDomain(String domainUuid, Collection<LabelUse> uses) {
        Objects.requireNonNull(domainUuid, "domainUuid");
        List<Occupation> fresh = new ArrayList<>();
        for (LabelUse use : uses) {
            if (!use.domainUuid().equals(domainUuid)) {
                throw new IllegalArgumentException("label use of domain " + use.domainUuid()
                        + " passed to replaceDomain for " + domainUuid);
            }
            Occupation.of(use).ifPresent(fresh::add);
        }
        removeDomain(domainUuid);
        add(domainUuid, fresh);
    }

    /** Forgets a domain that was undefined; what it held becomes free. */
    public synchronized void removeDomain(String domainUuid) {
        List<Occupation> old = byDomain.remove(domainUuid);
        if (old == null) {
            return;
        }
        for (Occupation o : old) {
            if (o.pair() != null) {
                removeHolder(pairHolders, o.pair(), domainUuid);
                refresh(o.pair());
            }
            if (wideHolders.remove(o)) {
                forEachCoveredIndex(o.categories(), index -> refresh(pairSpace.pairAt(index)));
            }
            if (o.uid() >= 0) {
                removeHolder(uidHolders, o.uid(), domainUuid);
                refresh(o.uid());
            }
        }
    }

    private void add(String domainUuid, List<Occupation> occupations) {
        byDomain.put(domainUuid, occupations);
        for (Occupation o : occupations) {
            if (o.pair() != null) {
                pairHolders.computeIfAbsent(o.pair(), k -> new ArrayList<>(1)).add(domainUuid);
                pendingPairs.remove(o.pair());
                refresh(o.pair());
            }
            if (o.isWide() && holdsPairs(o)) {
                wideHolders.add(o);
                forEachCoveredIndex(o.categories(), index -> pairPool.set(index, true));
            }
            if (o.uid() >= 0) {
                uidHolders.computeIfAbsent(o.uid(), k -> new ArrayList<>(1)).add(domainUuid);
                pendingUids.remove(o.uid());
                refresh(o.uid());
            }
        }
    }

    private static <K> void removeHolder(Map<K, List<String>> holders, K key, String domainUuid) {
        List<String> list = holders.get(key);
        list.remove(domainUuid);
        if (list.isEmpty()) {
            holders.remove(key);
        }
    }

    /**
     * Whether a wide label reserves the pairs it covers. One that covers every pair of the range
     * (c0.c1023 on a default ledger) reserves none: no pair could isolate a new VM from it, and
     * reserving them all would refuse every allocation. It is MCS-unconfined, and
     * {@link #collisions()} reports it against every VM it can reach.
     */
    private boolean holdsPairs(Occupation wide) {
        return !wide.categories().containsAll(rangeCategories);
    }

    // Every pair of the range both of whose categories are in the set; C(k, 2) steps for k of them.
    private void forEachCoveredIndex(CategorySet categories, IntConsumer action) {
        int[] inRange = Arrays.stream(categories.toArray())
                .filter(c -> c >= config.firstCategory() && c <= config.lastCategory())
                .toArray();
        for (int j = 1; j < inRange.length; j++) {
            for (int i = 0; i < j; i++) {
                action.accept(pairSpace.indexOf(inRange[i], inRange[j]));
            }
        }
    }

    private Optional<String> wideHolderOf(McsPair pair) {
        for (Occupation wide : wideHolders) {
            if (wide.categories().contains(pair.first()) && wide.categories().contains(pair.second())) {
                return Optional.of(wide.domainUuid());
            }
        }
        return Optional.empty();
    }

    // Keeps the invariant: a pool bit is set iff a use holds or covers the value, or it is pending.
    private void refresh(McsPair pair) {
        int index = pairSpace.indexOf(pair);
        if (index >= 0) {
            pairPool.set(index, pairHolders.containsKey(pair) || pendingPairs.containsKey(pair)
                    || wideHolderOf(pair).isPresent());
        }
    }

    private void refresh(int uid) {
        if (uid >= config.firstUid() && uid <= config.lastUid()) {
            uidPool.set(uid - config.firstUid(), uidHolders.containsKey(uid) || pendingUids.containsKey(uid));
        }
    }

    /**
     * Reserves and returns a pair no label use holds and no earlier allocation reserved.
     *
     * @param forDomain the UUID of the domain the pair is for, reported by {@link #ownerOf}
     * @throws LabelPoolExhaustedException when every pair of the range is taken
     */
    public synchronized McsPair allocatePair(String forDomain) {
        Objects.requireNonNull(forDomain, "forDomain");
        int index = pairPool.findFree(config.random());
        if (index < 0) {
            throw new LabelPoolExhaustedException(String.format(Locale.ROOT,
                    "All %,d MCS pairs of categories c%d..c%d are in use or reserved. Widen the ledger's"
                            + " category range (c0..c%d holds %,d pairs), or undefine VMs that no longer"
                            + " need their label.",
                    pairPool.size(), config.firstCategory(), config.lastCategory(),
                    CategorySet.MAX_CATEGORY, new PairSpace(0, CategorySet.MAX_CATEGORY).size()));
        }
        McsPair pair = pairSpace.pairAt(index);
        pendingPairs.put(pair, forDomain);
        pairPool.set(index, true);
        return pair;
    }

    /**
     * Reserves and returns a UID of the range that no label use holds and no earlier allocation reserved.
     *
     * @param forDomain the UUID of the domain the UID is for, reported by {@link #ownerOfUid}
     * @throws LabelPoolExhaustedException when every UID of the range is taken
     */
    public synchronized int allocateUid(String forDomain) {
        Objects.requireNonNull(forDomain, "forDomain");
        int index = uidPool.findFree(config.random());
        if (index < 0) {
            throw new LabelPoolExhaustedException(String.format(Locale.ROOT,
                    "All %,d UIDs from %d to %d are in use or reserved. Widen the ledger's UID range"
                            + " (firstUid..lastUid) with UIDs no account on the host uses, or undefine VMs"
                            + " that no longer need their UID.",
                    uidPool.size(), config.firstUid(), config.lastUid()));
        }
        int uid = config.firstUid() + index;
        pendingUids.put(uid, forDomain);
        uidPool.set(index, true);
        return uid;
    }

    /** Drops the reservation of an allocated pair that will not be used; false if none was pending. */
    public synchronized boolean release(McsPair pair) {
        boolean wasPending = pendingPairs.remove(pair) != null;
        refresh(pair);
        return wasPending;
    }

    /** Drops the reservation of an allocated UID that will not be used; false if none was pending. */
    public synchronized boolean releaseUid(int uid) {
        boolean wasPending = pendingUids.remove(uid) != null;
        refresh(uid);
        return wasPending;
    }

    /** The UUID of a domain holding or covering {@code pair}, or the domain it is reserved for. */
    public synchronized Optional<String> ownerOf(McsPair pair) {
        List<String> holders = pairHolders.get(pair);
        return holders != null ? Optional.of(holders.get(0))
                : wideHolderOf(pair).or(() -> Optional.ofNullable(pendingPairs.get(pair)));
    }

    /** The UUID of a domain holding {@code uid}, or the domain it is reserved for. */
    public synchronized Optional<String> ownerOfUid(int uid) {
        List<String> holders = uidHolders.get(uid);
        return holders != null ? Optional.of(holders.get(0)) : Optional.ofNullable(pendingUids.get(uid));
    }

    /** Whether a label use holds or covers {@code pair} or an allocation reserved it, inside the range or not. */
    public synchronized boolean isTaken(McsPair pair) {
        return pairHolders.containsKey(pair) || pendingPairs.containsKey(pair) || wideHolderOf(pair).isPresent();
    }

    /** Whether a label use holds {@code uid} or an allocation reserved it, inside the range or not. */
    public synchronized boolean isUidTaken(int uid) {
        return uidHolders.containsKey(uid) || pendingUids.containsKey(uid);
    }

    /** How many pairs of the range {@link #allocatePair} could still hand out. */
    public synchronized int freePairs() {
        return pairPool.free();
    }

    /** How many UIDs of the range {@link #allocateUid} could still hand out. */
    public synchronized int freeUids() {
        return uidPool.free();
    }

    /** Every pair of distinct domains whose labels in force let one reach the other, in a stable order. */
    public synchronized List<Collision> collisions() {
        List<Occupation> all = new ArrayList<>();
        byDomain.values().forEach(all::addAll);
        return CollisionFinder.find(all);
    }
}
