package org.bulkhead.model.kiosk;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Least privilege for kiosk guests through libvirt's own access control: a polkit rules file that,
 * once libvirtd runs with {@code access_drivers = [ "polkit" ]}, lets each kiosk user connect,
 * read the template, and do anything only to the domains and volumes named after its own
 * sessions ({@code kiosk-USER-...}); every other domain is refused, not even listed. Membership of
 * the {@code libvirt} group is root-equivalent without it, so a guest gets neither.
 */
public final class KioskPolicy {

    /** Where {@code bulkhead kiosk setup} writes the rules. */
    public static final String RULES_FILE = "/etc/polkit-1/rules.d/60-bulkhead-kiosk.rules";
    /** The line libvirtd's configuration needs for the rules to apply to each API call. */
    public static final String ACCESS_DRIVERS = "access_drivers = [ \"polkit\" ]";

    /**
     * @param templatePool   the storage pool holding the template's image
     * @param templateVolume the template image's volume name in that pool
     */
    public record Template(String domain, String pool, String volume) {
        public Template {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(pool, "pool");
            Objects.requireNonNull(volume, "volume");
        }
    }

    private KioskPolicy() {
    }

    /** The prefix of every domain and volume of {@code user}'s kiosk sessions. */
    public static String sessionPrefix(String user) {
        return "kiosk-" + user + "-";
    }

    /** The rules file for {@code profile}, whose template lives in {@code template}'s pool and volume. */
    public static String rules(KioskProfile profile, Template template) {
        return """
                // Bulkhead kiosk: least privilege for guest sessions. Written by 'bulkhead kiosk setup'.
                // In force only while libvirtd runs with  %s  (libvirtd.conf).
                // A kiosk user (below) may connect to libvirt and read the host's facts, see and read the
                // template %s without changing it, read its pool and image, and do anything to
                // domains and volumes named kiosk-<its own user name>-..., its own sessions. Every other
                // libvirt action is refused: other domains are not listed, opened, started or destroyed.
                // Anyone else is left to the other rules (and libvirt's group rule).
                polkit.addRule(function (action, subject) {
                    var users = [%s];
                    var groups = [%s];
                    var member = users.indexOf(subject.user) >= 0
                        || groups.some(function (group) { return subject.isInGroup(group); });
                    var id = action.id;
                    if (!member || id.indexOf("org.libvirt.") != 0) {
                        return polkit.Result.NOT_HANDLED;
                    }
                    var own = "kiosk-" + subject.user + "-";
                    var ownName = function (name) { return name != null && name.indexOf(own) == 0; };
                    var reading = function (perms) { return perms.indexOf(id.substring(id.lastIndexOf(".") + 1)) >= 0; };
                    if (id == "org.libvirt.unix.manage") {
                        return polkit.Result.YES;
                    }
                    if (id.indexOf("org.libvirt.api.connect.") == 0) {
                        return reading(["getattr", "read", "search-domains", "search-storage-pools"])
                            ? polkit.Result.YES : polkit.Result.NO;
                    }
                    if (id.indexOf("org.libvirt.api.domain.") == 0) {
                        var domain = action.lookup("domain_name");
                        if (ownName(domain)) {
                            return polkit.Result.YES;
                        }
                        return domain == %s && reading(["getattr", "read"]) ? polkit.Result.YES : polkit.Result.NO;
                    }
                    if (id.indexOf("org.libvirt.api.storage-pool.") == 0) {
                        return action.lookup("pool_name") == %s && reading(["getattr", "read", "search-storage-vols"])
                            ? polkit.Result.YES : polkit.Result.NO;
                    }
                    if (id.indexOf("org.libvirt.api.storage-vol.") == 0) {
                        var volume = action.lookup("vol_name");
                        if (action.lookup("pool_name") == %s && ownName(volume)) {
                            return polkit.Result.YES;
                        }
                        return action.lookup("pool_name") == %s && volume == %s && reading(["getattr", "read"])
                            ? polkit.Result.YES : polkit.Result.NO;
                    }
                    return polkit.Result.NO;
                });
                """.formatted(ACCESS_DRIVERS, template.domain(), quoted(profile.users()), quoted(profile.groups()),
                js(template.domain()), js(template.pool()), js(template.pool()), js(template.pool()), js(template.volume()));
    }

    private static String quoted(List<String> names) {
        return names.stream().map(KioskPolicy::js).collect(Collectors.joining(", "));
    }

    /** A JavaScript string literal: names are validated, but a pool or volume name may hold anything. */
    static String js(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                literal.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                literal.append(String.format("\\u%04x", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }
}
