package org.bulkhead.ui.wizard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.bulkhead.model.osinfo.GuestOs;
import org.bulkhead.model.osinfo.IsoVolume;
import org.bulkhead.model.osinfo.OsCatalog;
import org.bulkhead.ui.common.TaskExecutor;

/**
 * The guest's operating system: recognised from the ISO's volume identifier in libosinfo's
 * database, or picked from a searchable list; choosing one applies its recommended memory,
 * vCPUs and disk, and its drivers pick the disk bus and network card. Without the database the
 * wizard says so and keeps its generic defaults.
 */
final class WizardOs {

    /** No system chosen: generic defaults and virtio devices. */
    static final GuestOs GENERIC = new GuestOs("", "", "Generic (system not known)", "", "", "", "", List.of(),
            GuestOs.Resources.UNKNOWN, GuestOs.Resources.UNKNOWN, Set.of());


    private final WizardAnswers answers;
    private OsCatalog catalog;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<GuestOs> choices = FXCollections.observableArrayList(List.of(GENERIC));
    private final ObservableList<GuestOs> choicesView = FXCollections.unmodifiableObservableList(choices);
    private final ObjectProperty<GuestOs> chosen = new SimpleObjectProperty<>(GENERIC);
    private final ReadOnlyStringWrapper detection = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper recommendation = new ReadOnlyStringWrapper("");

    /** This machine's database, read once per run. */
    static OsCatalog systemCatalog() {
        return OsCatalog.shared();
    }

    /** @param catalogs reads the database; called once, in the background */
    WizardOs(WizardAnswers answers, TaskExecutor tasks, Supplier<OsCatalog> catalogs) {
        this.answers = answers;
        query.addListener((obs, old, now) -> filter());
        chosen.addListener((obs, old, now) -> recommend(now == null ? GENERIC : now));
        detection.set("Reading libosinfo's list of operating systems…");
        tasks.submit(catalogs::get, this::loaded,
                failure -> detection.set("libosinfo's list of operating systems could not be read: "
                        + failure.getMessage()));
    }

    private void loaded(OsCatalog read) {
        catalog = read;
        detection.set(read.unavailable().map(why -> "Generic defaults: " + why).orElse(""));
        filter();
    }

    private void filter() {
        List<GuestOs> found = new ArrayList<>();
        found.add(GENERIC);
        if (catalog != null) {
            found.addAll(catalog.search(query.get()));
        }
        choices.setAll(found);
    }

    /**
     * Reads the ISO's identifiers; runs in the background (the file may be on a slow disk).
     * Only for a file on this machine: a remote host's ISO is not readable from here.
     */
    static Reading read(String path) {
        try {
            return new Reading(path, IsoVolume.identity(Path.of(path)), "");
        } catch (IOException | RuntimeException e) {
            return new Reading(path, Optional.empty(), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** What reading an ISO found: its identifiers, or why there are none. */
    record Reading(String path, Optional<IsoVolume.Identity> identity, String failure) {
    }

    /** Chooses the system {@code reading} names, and says how it was found or why it was not. */
    void detected(Reading reading) {
        if (catalog == null || catalog.unavailable().isPresent()) {
            return; // the note already says why nothing is recognised
        }
        if (!reading.failure().isEmpty()) {
            detection.set("The ISO could not be read to recognise its system (" + reading.failure()
                    + "): choose it below.");
        } else if (reading.identity().isEmpty()) {
            detection.set(reading.path() + " is not an ISO 9660 image: choose its system below.");
        } else {
            String volume = reading.identity().get().volumeId();
            Optional<GuestOs> found = catalog.identify(reading.identity().get());
            found.ifPresent(chosen::set);
            detection.set(found.map(os -> "Recognised from the ISO's volume label “" + volume + "”: " + os.name() + ".")
                    .orElse("The ISO's volume label “" + volume + "” is not one libosinfo knows: choose the system below,"
                            + " or keep Generic."));
        }
    }

    /** The ISO lies on another host and is not read from here. */
    void notReadable(String why) {
        if (catalog != null && catalog.unavailable().isEmpty()) {
            detection.set(why);
        }
    }

    private void recommend(GuestOs os) {
        if (os == GENERIC) {
            recommendation.set("");
            return;
        }
        List<String> parts = new ArrayList<>();
        OptionalLong memory = os.recommendedMemoryMiB();
        OptionalInt cpus = os.recommendedVcpus();
        OptionalLong disk = os.recommendedDiskGiB();
        memory.ifPresent(mib -> {
            answers.memoryMiBProperty().set(Long.toString(mib));
            parts.add(mib + " MiB of memory");
        });
        cpus.ifPresent(n -> {
            answers.vcpusProperty().set(Integer.toString(n));
            parts.add(n + (n == 1 ? " vCPU" : " vCPUs"));
        });
        disk.ifPresent(gib -> {
            answers.diskGiBProperty().set(Long.toString(gib));
            parts.add("a " + gib + " GiB disk");
        });
        String devices = os.virtioDisk() && os.virtioNetwork() ? "a virtio disk and network card (it has the drivers)"
                : (os.virtioDisk() ? "a virtio disk" : "a SATA disk") + " and "
                        + (os.virtioNetwork() ? "a virtio" : "an e1000") + " network card (it lacks virtio drivers)";
        recommendation.set(os.name() + ": " + (parts.isEmpty() ? "no recommended resources known"
                : String.join(", ", parts) + " (applied below; change them as you like)") + "; " + devices + ".");
    }

    /** The chosen system, or empty for generic. */
    Optional<GuestOs> choice() {
        GuestOs os = chosen.get();
        return os == null || os == GENERIC ? Optional.empty() : Optional.of(os);
    }

    StringProperty queryProperty() { return query; }
    ObservableList<GuestOs> choices() { return choicesView; }
    ObjectProperty<GuestOs> chosenProperty() { return chosen; }
    ReadOnlyStringProperty detectionProperty() { return detection.getReadOnlyProperty(); }
    ReadOnlyStringProperty recommendationProperty() { return recommendation.getReadOnlyProperty(); }
}
