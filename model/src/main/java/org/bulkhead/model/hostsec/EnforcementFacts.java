package org.bulkhead.model.hostsec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the host's loaded policy says beyond its one enforcing flag: which domain types are
 * permissive (SELinux enforces per process type: a {@code typepermissive} rule or
 * {@code semanage permissive} makes one type only log), and the mode of each AppArmor profile.
 * Only what was actually read is here: a type that is absent from {@link #permissiveTypes} was
 * not checked, and empty profile modes mean the profile list could not be read.
 *
 * @param permissiveTypes each checked SELinux domain type and whether the policy makes it permissive
 * @param profileModes    each loaded AppArmor profile's mode ("enforce", "complain", "kill", ...)
 * @param notes           what could not be read, and why, for showing beside the verdicts
 */
public record EnforcementFacts(Map<String, Boolean> permissiveTypes, Optional<Map<String, String>> profileModes,
        List<String> notes) {

    public EnforcementFacts {
        permissiveTypes = Map.copyOf(permissiveTypes);
        profileModes = profileModes.map(Map::copyOf);
        notes = List.copyOf(notes);
    }

    /** Nothing known, with the reason. */
    public static EnforcementFacts unknown(String why) {
        return new EnforcementFacts(Map.of(), Optional.empty(), List.of(why));
    }

    /** Whether the policy makes {@code type} permissive; empty when it was not checked. */
    public Optional<Boolean> permissive(String type) {
        return Optional.ofNullable(permissiveTypes.get(type));
    }

    /** These facts with {@code more}'s types added (a type checked in both keeps {@code more}'s answer). */
    public EnforcementFacts with(EnforcementFacts more) {
        Map<String, Boolean> types = new HashMap<>(permissiveTypes);
        types.putAll(more.permissiveTypes);
        return new EnforcementFacts(types, more.profileModes.or(() -> profileModes), notes);
    }
}
