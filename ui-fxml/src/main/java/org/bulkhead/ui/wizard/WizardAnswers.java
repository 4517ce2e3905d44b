package org.bulkhead.ui.wizard;

import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import org.bulkhead.model.osinfo.GuestOs;
import org.bulkhead.model.provision.RequestRules;
import org.bulkhead.model.provision.VmCreation;
import org.bulkhead.model.provision.VmRequest;

/**
 * The user's answers, page by page, and what is wrong with them: the rules every VM request
 * follows ({@link RequestRules}) and what the connected host can hold. Whether a file exists is
 * not asked here: that reads the disk, so it is background work on Next.
 */
final class WizardAnswers {

    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;

    /** A problem shown beside the answer it is about, or at the foot of the page when {@code field} is null. */
    record Problem(WizardField field, String message) {
    }

    private final StringProperty name = new SimpleStringProperty("");
    private final BooleanProperty isolated = new SimpleBooleanProperty(true);
    private final BooleanProperty pinLabel = new SimpleBooleanProperty(false);

    private final ObjectProperty<SourceKind> sourceKind = new SimpleObjectProperty<>(SourceKind.ISO);
    private final StringProperty isoPath = new SimpleStringProperty("");
    private final StringProperty imagePath = new SimpleStringProperty("");
    private final ObjectProperty<String> imageFormat = new SimpleObjectProperty<>("qcow2");

    private final StringProperty memoryMiB = new SimpleStringProperty("1024");
    private final StringProperty vcpus = new SimpleStringProperty("1");
    private final BooleanProperty emulated = new SimpleBooleanProperty(false);

    private final BooleanProperty newVolume = new SimpleBooleanProperty(true);
    private final ObjectProperty<String> pool = new SimpleObjectProperty<>();
    private final StringProperty diskGiB = new SimpleStringProperty("10");

    private final BooleanProperty natNetwork = new SimpleBooleanProperty(true);
    private final BooleanProperty startAfter = new SimpleBooleanProperty(true);

    /** The answers whose change may clear or update the message beside them. */
    ObservableValue<?>[] checked() {
        return new ObservableValue<?>[] {name, isoPath, imagePath, memoryMiB, vcpus, pool, diskGiB, newVolume, sourceKind};
    }

    /** The first problem on {@code page}, given what {@code host} knows (nothing before it is open). */
    Optional<Problem> problemAt(WizardPage page, WizardConnection host) {
        return switch (page) {
            case NAME -> about(WizardField.NAME, RequestRules.name(name.get()))
                    .or(() -> about(null, host.problem().or(host::isolationProblem)));
            case SOURCE -> switch (sourceKind.get()) {
                case ISO -> sourceProblem(WizardField.ISO);
                case IMPORT -> sourceProblem(WizardField.IMAGE);
                case NETWORK -> Optional.empty();
            };
            case RESOURCES -> about(WizardField.MEMORY, parseError(memoryMiB.get(), "Memory (MiB)")
                    .or(() -> RequestRules.memory(number(memoryMiB.get())))
                    .or(() -> host.onHost(c -> c.memoryBeyondHost(number(memoryMiB.get())))))
                    .or(() -> about(WizardField.VCPUS, parseError(vcpus.get(), "Virtual CPUs")
                            .or(() -> RequestRules.vcpus(clamp(number(vcpus.get()))))
                            .or(() -> host.onHost(c -> c.vcpusBeyondHost(clamp(number(vcpus.get())))))));
            case STORAGE -> !newVolume.get() ? Optional.empty()
                    : pool.get() == null ? about(WizardField.POOL,
                            Optional.of("Choose a storage pool for the new disk, or no new disk."))
                    : about(WizardField.DISK_SIZE, parseError(diskGiB.get(), "Disk size (GiB)")
                            .or(() -> RequestRules.capacity(number(diskGiB.get())))
                            .or(() -> number(diskGiB.get()) > Long.MAX_VALUE / GIB
                                    ? Optional.of(diskGiB.get().strip() + " GiB is more than any pool can hold.")
                                    : host.onHost(c -> c.diskBeyondPool(pool.get(), number(diskGiB.get()) * GIB))));
            case NETWORK, SUMMARY, RESULT -> Optional.empty();
        };
    }

    /** What is wrong with the ISO's or the image's path as typed (ISO or IMAGE). */
    Optional<Problem> sourceProblem(WizardField field) {
        return field == WizardField.ISO ? about(field, RequestRules.path(isoPath.get(), "installer ISO"))
                : about(field, RequestRules.path(imagePath.get(), "disk image to import"));
    }

    private static Optional<Problem> about(WizardField field, Optional<String> message) {
        return message.map(text -> new Problem(field, text));
    }

    /** The request these answers make, for the host {@code creation} has open; a label is pinned only where it can be. */
    VmRequest request(VmCreation creation, boolean pinAvailable, Optional<GuestOs> os) {
        VmRequest.InstallSource source = switch (sourceKind.get()) {
            case ISO -> new VmRequest.InstallSource.Iso(isoPath.get().strip());
            case IMPORT -> new VmRequest.InstallSource.ImportImage(imagePath.get().strip(), imageFormat.get());
            case NETWORK -> new VmRequest.InstallSource.NetworkBoot();
        };
        VmRequest.Storage storage = newVolume.get()
                ? new VmRequest.Storage.NewVolume(pool.get(), number(diskGiB.get()) * GIB)
                : new VmRequest.Storage.NoNewVolume();
        return new VmRequest(name.get(), creation.virtType(emulated.get()), source, storage, number(memoryMiB.get()),
                clamp(number(vcpus.get())),
                natNetwork.get() ? Optional.of("default") : Optional.empty(), isolated.get(),
                pinLabel.get() && pinAvailable, startAfter.get(), os);
    }

    /** The whole number in {@code text}, or 0 when there is none (validation reports that first). */
    private static long number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int clamp(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static Optional<String> parseError(String text, String what) {
        try {
            Long.parseLong(text.strip());
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(what + " must be a whole number, not “" + text.strip() + "”.");
        }
    }

    StringProperty nameProperty() { return name; }
    BooleanProperty isolatedProperty() { return isolated; }
    BooleanProperty pinLabelProperty() { return pinLabel; }
    ObjectProperty<SourceKind> sourceKindProperty() { return sourceKind; }
    StringProperty isoPathProperty() { return isoPath; }
    StringProperty imagePathProperty() { return imagePath; }
    ObjectProperty<String> imageFormatProperty() { return imageFormat; }
    StringProperty memoryMiBProperty() { return memoryMiB; }
    StringProperty vcpusProperty() { return vcpus; }
    BooleanProperty emulatedProperty() { return emulated; }
    BooleanProperty newVolumeProperty() { return newVolume; }
    ObjectProperty<String> poolProperty() { return pool; }
    StringProperty diskGiBProperty() { return diskGiB; }
    BooleanProperty natNetworkProperty() { return natNetwork; }
    BooleanProperty startAfterProperty() { return startAfter; }
}
