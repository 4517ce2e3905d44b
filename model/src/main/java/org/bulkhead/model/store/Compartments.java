package org.bulkhead.model.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bulkhead.model.security.DomainSecurity;
import org.bulkhead.model.label.DacLabel;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.SecurityContext;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.ledger.LabelUse;

/**
 * Which domains of one connection share a compartment: the same MCS categories (SELinux, the
 * test driver), the same DAC user, the same AppArmor profile. A label two domains use isolates
 * neither from the other, whether it was written by hand, pinned, or chosen by libvirt (which
 * never checks static labels against its own). Dynamic labels of stopped domains hold nothing.
 * Kept up to date one domain at a time, so an event costs the size of its compartment, not of
 * the connection. Not thread-safe: one connection's worker owns it.
 */
public final class Compartments {

    private final Map<String, Set<String>> members = new HashMap<>();
    private final Map<String, List<String>> keysOf = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();

    /**
     * Records {@code snapshot}'s labels.
     *
     * @return the domains whose sharers may have changed, this one included
     */
    public Set<String> update(DomainSnapshot snapshot) {
        Set<String> touched = remove(snapshot.uuid());
        names.put(snapshot.uuid(), snapshot.name());
        List<String> keys = new ArrayList<>();
        for (LabelUse use : confining(LabelUse.of(snapshot.uuid(), snapshot.name(), snapshot.state().isActive(),
                snapshot.spec().seclabels()))) {
            if (use.isInForce()) {
                key(use).filter(k -> !keys.contains(k)).ifPresent(keys::add);
            }
        }
        keysOf.put(snapshot.uuid(), keys);
        for (String key : keys) {
            Set<String> group = members.computeIfAbsent(key, k -> new LinkedHashSet<>());
            touched.addAll(group);
            group.add(snapshot.uuid());
        }
        touched.add(snapshot.uuid());
        return touched;
    }

    /** Forgets a domain; returns the domains that shared a compartment with it. */
    public Set<String> remove(String uuid) {
        Set<String> touched = new LinkedHashSet<>();
        for (String key : keysOf.getOrDefault(uuid, List.of())) {
            Set<String> group = members.get(key);
            group.remove(uuid);
            touched.addAll(group);
            if (group.isEmpty()) {
                members.remove(key);
            }
        }
        keysOf.remove(uuid);
        names.remove(uuid);
        return touched;
    }

    /** The names of the other domains that share a compartment with {@code uuid}. */
    public List<String> sharers(String uuid) {
        Set<String> others = new LinkedHashSet<>();
        for (String key : keysOf.getOrDefault(uuid, List.of())) {
            members.get(key).stream().filter(o -> !o.equals(uuid)).map(names::get).forEach(others::add);
        }
        return List.copyOf(others);
    }

    /** {@code snapshot} with the sharers this index knows for it. */
    public DomainSnapshot marked(DomainSnapshot snapshot) {
        DomainSecurity security = snapshot.security().withSharedWith(sharers(snapshot.uuid()));
        return security == snapshot.security() ? snapshot
                : new DomainSnapshot(snapshot.connectionUri(), snapshot.record(), snapshot.spec(), security);
    }

    /** Every snapshot of one connection, each with the domains it shares a compartment with. */
    public static List<DomainSnapshot> mark(List<DomainSnapshot> connection) {
        Compartments index = new Compartments();
        connection.forEach(index::update);
        return connection.stream().map(index::marked).toList();
    }

    /** The names of the domains among {@code uses} whose labels in force share a compartment with {@code uuid}'s. */
    public static List<String> sharers(String uuid, List<LabelUse> uses) {
        Map<String, List<LabelUse>> byDomain = new java.util.LinkedHashMap<>();
        uses.forEach(u -> byDomain.computeIfAbsent(u.domainUuid(), k -> new ArrayList<>()).add(u));
        Set<String> mine = new LinkedHashSet<>();
        confining(byDomain.getOrDefault(uuid, List.of())).stream().filter(LabelUse::isInForce)
                .forEach(u -> key(u).ifPresent(mine::add));
        return byDomain.entrySet().stream().filter(e -> !e.getKey().equals(uuid))
                .flatMap(e -> confining(e.getValue()).stream()).filter(LabelUse::isInForce)
                .filter(u -> key(u).map(mine::contains).orElse(false))
                .map(LabelUse::domainName).distinct().toList();
    }

    /**
     * The labels that confine one domain: its MAC labels where it has any (on an SELinux host
     * every VM also runs as libvirt's shared DAC user, which is not what keeps them apart), its
     * DAC label otherwise.
     */
    static List<LabelUse> confining(List<LabelUse> ofOneDomain) {
        List<LabelUse> mac = ofOneDomain.stream().filter(u -> u.model() != SecurityModel.DAC).toList();
        return mac.isEmpty() ? ofOneDomain : mac;
    }

    /** What makes two labels one compartment; empty for labels that set nothing apart by themselves. */
    static Optional<String> key(LabelUse use) {
        if (use.label().isEmpty()) {
            return Optional.empty();
        }
        try {
            return switch (use.model()) {
                case SELINUX, TEST -> SecurityContext.parse(use.label()).level()
                        .filter(level -> !level.categories().isEmpty())
                        .map(level -> "mcs:" + level.categories());
                case DAC -> DacLabel.parse(use.label()).uid().stream().mapToObj(uid -> "dac:" + uid).findFirst();
                case APPARMOR -> Optional.of("apparmor:" + use.label());
                default -> Optional.empty();
            };
        } catch (LabelFormatException e) {
            return Optional.empty();
        }
    }
}
