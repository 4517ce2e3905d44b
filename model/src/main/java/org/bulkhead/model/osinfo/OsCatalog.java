package org.bulkhead.model.osinfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;


import org.bulkhead.model.xml.SafeXml;

import com.fasterxml.jackson.dataformat.xml.XmlMapper;

/**
 * The operating systems libosinfo knows, read from its XML database (Debian's {@code osinfo-db}
 * package): the list a user picks from, and the system an ISO's volume identifier names.
 * Without the database the catalog is empty and says why, so the wizard falls back to generic
 * defaults openly instead of guessing.
 */
public final class OsCatalog {

    /** Where the database lies when {@code OSINFO_SYSTEM_DIR} does not say: Debian's path, then libosinfo's older one. */
    private static final List<String> SYSTEM_DIRS = List.of("/usr/share/osinfo", "/usr/share/libosinfo/db");

    private static final XmlMapper MAPPER = SafeXml.mapper(SafeXml.inputFactory());

    /** This machine's database once read: it does not change while Bulkhead runs, and reading it takes a moment. */
    private static volatile OsCatalog shared;

    private final List<GuestOs> systems;
    private final Map<String, GuestOs> byId;
    private final Optional<String> unavailable;
    private final List<String> unreadable;

    private OsCatalog(List<GuestOs> systems, Optional<String> unavailable, List<String> unreadable) {
        this.systems = systems.stream().sorted(Comparator.comparing((GuestOs os) -> os.name().toLowerCase(Locale.ROOT)))
                .toList();
        this.byId = new HashMap<>();
        systems.forEach(os -> byId.put(os.id(), os));
        this.unavailable = unavailable;
        this.unreadable = List.copyOf(unreadable);
    }


    /** This machine's database, read on the first call (slow: call it off the UI thread) and kept. */
    public static OsCatalog shared() {
        OsCatalog known = shared;
        if (known == null) {
            known = system();
            shared = known;
        }
        return known;
    }

    /** This machine's database if something has read it already; never reads it. */
    public static Optional<OsCatalog> loaded() {
        return Optional.ofNullable(shared);
    }

    /** This machine's database: {@code OSINFO_SYSTEM_DIR} when set, else the usual places. */
    public static OsCatalog system() {
        String configured = System.getenv("OSINFO_SYSTEM_DIR");
        List<String> candidates = configured != null && !configured.isBlank() ? List.of(configured) : SYSTEM_DIRS;
        for (String dir : candidates) {
            if (Files.isDirectory(Path.of(dir, "os"))) {
                return load(Path.of(dir));
            }
        }
        return notInstalled(candidates);
    }

    private static OsCatalog notInstalled(List<String> dirs) {
        return new OsCatalog(List.of(), Optional.of("libosinfo's operating system database is not installed (no "
                + String.join(" or ", dirs.stream().map(d -> d + "/os").toList())
                + "); install the osinfo-db package to have the ISO's system recognised and its resources recommended."),
                List.of());
    }

    /** The database under {@code root} (its {@code os} folder); files it cannot read are listed, not fatal. */
    public static OsCatalog load(Path root) {
        if (!Files.isDirectory(root.resolve("os"))) {
            return notInstalled(List.of(root.toString()));
        }
        Map<String, OsElements.Os> raw = new HashMap<>();
        List<String> unreadable = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("os"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MAPPER.readValue(in, OsElements.Libosinfo.class).oses.stream()
                            .filter(os -> os.id != null).forEach(os -> raw.put(os.id, os));
                } catch (IOException | RuntimeException e) {
                    unreadable.add(root.relativize(file) + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            return new OsCatalog(List.of(), Optional.of("libosinfo's database in " + root + " could not be read: "
                    + e.getMessage()), List.of());
        }
        List<GuestOs> systems = raw.values().stream().map(os -> resolve(os, raw)).toList();
        return new OsCatalog(systems, systems.isEmpty()
                ? Optional.of("libosinfo's database in " + root + " lists no operating systems.") : Optional.empty(),
                unreadable);
    }

    /** One system with what it inherits: resources and devices from the systems it derives from or clones. */
    private static GuestOs resolve(OsElements.Os os, Map<String, OsElements.Os> all) {
        GuestOs.Resources minimum = GuestOs.Resources.UNKNOWN;
        GuestOs.Resources recommended = GuestOs.Resources.UNKNOWN;
        Set<String> devices = new LinkedHashSet<>();
        Set<String> refused = new HashSet<>();
        Set<String> seen = new HashSet<>();
        List<OsElements.Os> lineage = new ArrayList<>();
        lineage.add(os);
        // Breadth first: the nearest ancestor that states an amount wins, as in libosinfo.
        for (int i = 0; i < lineage.size(); i++) {
            OsElements.Os one = lineage.get(i);
            if (!seen.add(one.id)) {
                continue;
            }
            minimum = minimum.or(resources(one, true));
            recommended = recommended.or(resources(one, false));
            for (OsElements.Devices group : one.devices) {
                for (OsElements.Ref device : group.devices) {
                    if ("false".equals(device.supported)) {
                        refused.add(device.id);
                    } else if (device.id != null && !refused.contains(device.id)) {
                        devices.add(device.id);
                    }
                }
            }
            one.parents.stream().map(p -> all.get(p.id)).filter(p -> p != null).forEach(lineage::add);
        }
        List<GuestOs.MediaId> media = new ArrayList<>();
        for (OsElements.Media one : os.media) {
            if (one.iso == null) {
                continue;
            }
            try {
                GuestOs.MediaId id = new GuestOs.MediaId(pattern(one.iso.systemId), pattern(one.iso.volumeId),
                        pattern(one.iso.publisherId), pattern(one.iso.applicationId));
                if (id.specificity() > 0) {
                    media.add(id);
                }
            } catch (PatternSyntaxException e) {
                // One pattern the JDK reads differently from GLib loses that medium, not the whole system.
            }
        }
        return new GuestOs(os.id, os.shortIds.isEmpty() ? "" : os.shortIds.get(0).strip(), english(os.names, os.id),
                english(os.vendors, ""), os.family, strip(os.version), strip(os.releaseDate), media, minimum,
                recommended, devices);
    }

    private static Optional<Pattern> pattern(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(Pattern.compile(text.strip()));
    }

    private static GuestOs.Resources resources(OsElements.Os os, boolean minimum) {
        GuestOs.Resources found = GuestOs.Resources.UNKNOWN;
        // The x86_64 figures before those for every architecture.
        for (String arch : List.of("x86_64", "all")) {
            for (OsElements.Resources r : os.resources) {
                if (arch.equals(r.arch)) {
                    OsElements.Amounts amounts = minimum ? r.minimum : r.recommended;
                    if (amounts != null) {
                        found = found.or(new GuestOs.Resources(number(amounts.ram), number(amounts.storage),
                                count(amounts.cpus)));
                    }
                }
            }
        }
        return found;
    }

    private static OptionalLong number(String text) {
        try {
            return text == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalInt count(String text) {
        OptionalLong value = number(text);
        return value.isPresent() && value.getAsLong() > 0 && value.getAsLong() <= Integer.MAX_VALUE
                ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
    }

    private static String english(List<OsElements.Text> texts, String otherwise) {
        return texts.stream().filter(t -> t.lang == null && t.value != null).map(t -> t.value.strip()).findFirst()
                .orElse(otherwise);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    /** Every known system, by name. Empty when the database is missing ({@link #unavailable} says why). */
    public List<GuestOs> systems() {
        return systems;
    }

    public Optional<GuestOs> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Why the catalog is empty, in a sentence for the user; empty when it is not. */
    public Optional<String> unavailable() {
        return unavailable;
    }

    /** Database files that could not be read, each with the reason. */
    public List<String> unreadable() {
        return unreadable;
    }

    /**
     * The system whose install media carry {@code iso}'s identifiers: of several that match, the
     * one whose patterns say most, then the newest release.
     */
    public Optional<GuestOs> identify(IsoVolume.Identity iso) {
        return systems.stream().filter(os -> os.recognition(iso) > 0)
                .max(Comparator.comparingInt((GuestOs os) -> os.recognition(iso)).thenComparing(GuestOs::releaseDate));
    }

    /**
     * The systems whose name, short id, vendor or version contain every word of {@code query}
     * (case-insensitive); all of them for a blank query.
     */
    public List<GuestOs> search(String query) {
        String[] words = query.strip().toLowerCase(Locale.ROOT).split("\\s+");
        return systems.stream().filter(os -> {
            String text = (os.name() + " " + os.shortId() + " " + os.vendor() + " " + os.version())
                    .toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!text.contains(word)) {
                    return false;
                }
            }
            return true;
        }).toList();
    }
}
