package org.bulkhead.model.label;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An AppArmor label: the name of the profile confining the domain. libvirt gives each domain its
 * own profile {@code libvirt-<uuid>}; an empty profile means no profile is loaded.
 */
public record AppArmorLabel(String profile) {

    private static final String PER_DOMAIN_PREFIX = "libvirt-";
    // Strict, because UUID.fromString also accepts forms like "1-2-3-4-5".
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public AppArmorLabel {
        check(profile, profile);
    }

    /** The label of the profile libvirt generates for the domain {@code uuid}. */
    public static AppArmorLabel forDomain(UUID uuid) {
        return new AppArmorLabel(PER_DOMAIN_PREFIX + uuid);
    }

    public static AppArmorLabel parse(String text) {
        check(text, text);
        return new AppArmorLabel(text);
    }

    private static void check(String profile, String input) {
        Objects.requireNonNull(profile, "AppArmor profile");
        if (profile.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isISOControl(cp))) {
            throw new LabelFormatException("AppArmor profile", profile, input,
                    "a profile name cannot contain whitespace or control characters"
                            + " (a mode such as '(enforce)' is not part of the label)");
        }
    }

    /** True when no profile confines the domain: an empty label, or the kernel's "unconfined". */
    public boolean isUnconfined() {
        return profile.isEmpty() || profile.equals("unconfined");
    }

    /** True for a profile libvirt generated for one domain, {@code libvirt-<uuid>}. */
    public boolean isPerDomain() {
        return domainUuid().isPresent();
    }

    /** The domain's UUID when this is a per-domain profile. */
    public Optional<UUID> domainUuid() {
        if (!profile.startsWith(PER_DOMAIN_PREFIX)) {
            return Optional.empty();
        }
        String rest = profile.substring(PER_DOMAIN_PREFIX.length());
        return UUID_TEXT.matcher(rest).matches() ? Optional.of(UUID.fromString(rest)) : Optional.empty();
    }

    @Override
    public String toString() {
        return profile;
    }
}
