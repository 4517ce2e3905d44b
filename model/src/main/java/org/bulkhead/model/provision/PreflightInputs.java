package org.bulkhead.model.provision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

import org.bulkhead.model.domain.NewDisk;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.StoragePoolInfo;
import org.bulkhead.model.label.DacLabel;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.ledger.LabelLedger;

/**
 * What every pre-flight check reads: the draft, every domain on the connection now, the ledger,
 * this machine's files when the connection's host is this machine, and which files may be given.
 *
 * @param files         present only when the files of the connection's host can be read from here
 * @param rules         which existing files may be handed to the VM
 * @param reallocate    the one-click fix for a label collision: draft again with a fresh label
 * @param replaceSource the one-click fix for a refused source: use this copy instead (ISO or image path)
 */
public record PreflightInputs(ProvisionDraft draft, List<DomainRecord> domains, LabelLedger ledger,
        Optional<HostFiles> files, SourceRules rules, Runnable reallocate, Consumer<String> replaceSource) {

    public PreflightInputs {
        Objects.requireNonNull(draft, "draft");
        domains = List.copyOf(domains);
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(reallocate, "reallocate");
        Objects.requireNonNull(replaceSource, "replaceSource");
    }

    /**
     * The inputs for a draft on a connection whose pools are {@code pools}: files are read only
     * where the host is this machine and not the test driver.
     */
    public static PreflightInputs of(ProvisionDraft draft, List<DomainRecord> domains, LabelLedger ledger,
            Optional<HostFiles> localFiles, List<StoragePoolInfo> pools, Runnable reallocate,
            Consumer<String> replaceSource) {
        Optional<HostFiles> files = localFiles.filter(f -> draft.host().info().local()
                && !draft.isolation().simulated());
        List<Path> dirs = new ArrayList<>();
        List<StoragePoolInfo> all = new ArrayList<>(pools);
        draft.preparation().createPool().ifPresent(all::add);
        for (StoragePoolInfo pool : all) {
            pool.targetPath().map(Path::of).ifPresent(dir -> {
                dirs.add(files.flatMap(f -> f.facts(dir)).map(HostFiles.PathFacts::realPath).orElse(dir));
            });
        }
        SourceRules rules = files.map(f -> SourceRules.local(dirs, f))
                .orElseGet(() -> new SourceRules(dirs, List.of(), Optional.empty(), -1));
        return new PreflightInputs(draft, domains, ledger, files, rules, reallocate, replaceSource);
    }

    /** The VM's files that exist before Finish: ISOs and imported images, not the volume it creates. */
    List<NewDisk> existingFiles() {
        return draft.domain().disks().stream()
                .filter(d -> draft.volumePath().filter(d.path()::equals).isEmpty()).toList();
    }

    boolean simulated() {
        return draft.isolation().simulated();
    }

    /** The user and group QEMU will run as for this VM: its own DAC label, or libvirt's default. */
    OptionalInt qemuUid() {
        return dac(true);
    }

    OptionalInt qemuGid() {
        return dac(false);
    }

    private OptionalInt dac(boolean user) {
        String label = draft.isolation().label().filter(l -> draft.isolation().rules().privateUser())
                .orElse(draft.host().baseContexts().get("dac"));
        if (label == null) {
            return OptionalInt.empty();
        }
        try {
            DacLabel dac = DacLabel.parse(label);
            return user ? dac.uid() : dac.gid();
        } catch (LabelFormatException e) {
            return OptionalInt.empty();
        }
    }

    String notVisible() {
        return simulated() ? "Test driver: its files are simulated, nothing to check."
                : "The files are on the connection's host, which is not this machine: not checked from here.";
    }

    /** The paths of every disk the VM will have, existing or to be created. */
    List<Path> diskPaths() {
        return draft.domain().disks().stream().map(d -> Path.of(d.path())).toList();
    }

    /** The path, or for the volume Finish creates (which does not exist yet), its folder. */
    Path existingOrFolder(Path path) {
        return draft.volumePath().filter(path.toString()::equals).isPresent() && path.getParent() != null
                ? path.getParent() : path;
    }
}
