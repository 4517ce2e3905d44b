package org.bulkhead.model.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.bulkhead.model.label.CategorySet;

/**
 * Finds pairs of distinct domains whose labels overlap. Sensitivities are ignored on purpose:
 * MCS policy separates VMs by categories alone, so equal categories mean shared access.
 */
final class CollisionFinder {

    private static final Comparator<Collision> ORDER = Comparator.comparing(Collision::kind)
            .thenComparing(Collision::domainA)
            .thenComparing(Collision::domainB)
            .thenComparing(Collision::label);

    private final Set<Collision> found = new LinkedHashSet<>();

    static List<Collision> find(Collection<Occupation> occupations) {
        CollisionFinder finder = new CollisionFinder();
        finder.sameCategories(occupations);
        finder.coveringCategories(occupations);
        finder.sameUids(occupations);
        List<Collision> result = new ArrayList<>(finder.found);
        result.sort(ORDER);
        return result;
    }

    private void sameCategories(Collection<Occupation> occupations) {
        Map<CategorySet, List<Occupation>> byCategories = new HashMap<>();
        for (Occupation o : occupations) {
            if (o.level() != null) {
                byCategories.computeIfAbsent(o.categories(), k -> new ArrayList<>()).add(o);
            }
        }
        for (List<Occupation> group : byCategories.values()) {
            forEachPairOfDomains(group, (a, b) -> {
                if (staticAgainstDynamic(a, b) || staticAgainstDynamic(b, a)) {
                    Occupation fixed = staticAgainstDynamic(a, b) ? a : b;
                    Occupation dynamic = fixed == a ? b : a;
                    found.add(new Collision(Collision.Kind.STATIC_EQUALS_RUNNING_DYNAMIC,
                            fixed.domainUuid(), dynamic.domainUuid(), dynamic.level().toString(),
                            "The static label of VM '" + fixed.domainName() + "' uses " + dynamic.categories()
                                    + ", the categories libvirt generated for running VM '" + dynamic.domainName()
                                    + "'; libvirt does not check static labels, so both would share one"
                                    + " compartment: give '" + fixed.domainName() + "' a new label."));
                    return;
                }
                Occupation first = ordered(a, b);
                Occupation second = first == a ? b : a;
                Collision.Kind kind = first.pair() != null
                        ? Collision.Kind.SHARED_MCS_PAIR : Collision.Kind.SHARED_CATEGORIES;
                found.add(new Collision(kind, first.domainUuid(), second.domainUuid(), first.level().toString(),
                        "VMs '" + first.domainName() + "' and '" + second.domainName() + "' both use MCS categories "
                                + first.categories() + ", so whenever both run each can open the other's disk images."));
            });
        }
    }

    // Only sets that are not pairs can strictly include, or be strictly included in, another
    // domain's set among real labels, so the quadratic scan runs over those few alone.
    private void coveringCategories(Collection<Occupation> occupations) {
        List<Occupation> mcs = occupations.stream().filter(o -> o.level() != null).toList();
        for (Occupation odd : mcs) {
            if (odd.pair() != null) {
                continue;
            }
            for (Occupation other : mcs) {
                if (other.domainUuid().equals(odd.domainUuid())) {
                    continue;
                }
                if (strictlyIncludes(odd, other)) {
                    addCover(odd, other);
                } else if (strictlyIncludes(other, odd)) {
                    addCover(other, odd);
                }
            }
        }
    }

    private static boolean strictlyIncludes(Occupation wider, Occupation narrower) {
        return wider.categories().size() > narrower.categories().size()
                && wider.categories().containsAll(narrower.categories());
    }

    private void addCover(Occupation wider, Occupation narrower) {
        found.add(new Collision(Collision.Kind.CATEGORIES_COVER, wider.domainUuid(), narrower.domainUuid(),
                narrower.level().toString(),
                "VM '" + wider.domainName() + "' holds MCS categories " + wider.categories()
                        + ", which include all of VM '" + narrower.domainName() + "''s categories "
                        + narrower.categories() + ", so it can open that VM's disk images."));
    }

    private void sameUids(Collection<Occupation> occupations) {
        Map<Integer, List<Occupation>> byUid = new HashMap<>();
        for (Occupation o : occupations) {
            if (o.uid() >= 0) {
                byUid.computeIfAbsent(o.uid(), k -> new ArrayList<>()).add(o);
            }
        }
        for (List<Occupation> group : byUid.values()) {
            forEachPairOfDomains(group, (a, b) -> {
                // Dynamic DAC labels are libvirt's one shared QEMU user: the non-isolated setting, not a clash.
                if (!a.isStaticLike() && !b.isStaticLike()) {
                    return;
                }
                if (staticAgainstDynamic(a, b) || staticAgainstDynamic(b, a)) {
                    Occupation fixed = staticAgainstDynamic(a, b) ? a : b;
                    Occupation dynamic = fixed == a ? b : a;
                    found.add(new Collision(Collision.Kind.STATIC_EQUALS_RUNNING_DYNAMIC,
                            fixed.domainUuid(), dynamic.domainUuid(), "+" + fixed.uid(),
                            "The static label of VM '" + fixed.domainName() + "' runs it as UID " + fixed.uid()
                                    + ", the user libvirt gave running VM '" + dynamic.domainName()
                                    + "', so both share one user: give '" + fixed.domainName() + "' a UID of its own."));
                    return;
                }
                Occupation first = ordered(a, b);
                Occupation second = first == a ? b : a;
                found.add(new Collision(Collision.Kind.SHARED_UID, first.domainUuid(), second.domainUuid(),
                        "+" + first.uid(),
                        "VMs '" + first.domainName() + "' and '" + second.domainName() + "' both run as UID "
                                + first.uid() + ", so whenever both run each can open the other's disk images."));
            });
        }
    }

    private static boolean staticAgainstDynamic(Occupation fixed, Occupation dynamic) {
        return fixed.isStaticLike() && dynamic.isRunningDynamic();
    }

    private static Occupation ordered(Occupation a, Occupation b) {
        return a.domainUuid().compareTo(b.domainUuid()) <= 0 ? a : b;
    }

    private static void forEachPairOfDomains(List<Occupation> group, BiConsumer<Occupation, Occupation> action) {
        for (int i = 0; i < group.size(); i++) {
            for (int j = i + 1; j < group.size(); j++) {
                if (!group.get(i).domainUuid().equals(group.get(j).domainUuid())) {
                    action.accept(group.get(i), group.get(j));
                }
            }
        }
    }
}
