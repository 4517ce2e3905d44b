package org.bulkhead.app;

import org.bulkhead.app.wiring.Wiring;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.bulkhead.app.create.CreationReport;
import org.bulkhead.app.create.CreationReport.Result;
import org.bulkhead.model.hypervisor.ConnectionUri;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.hypervisor.StoragePoolInfo;
import org.bulkhead.model.isolation.IsolationModels;
import org.bulkhead.model.provision.Preflight;
import org.bulkhead.model.provision.PreflightFinding;
import org.bulkhead.model.provision.ProvisionListener;
import org.bulkhead.model.provision.ProvisionOutcome;
import org.bulkhead.model.provision.RequestRules;
import org.bulkhead.model.provision.Verification;
import org.bulkhead.model.provision.VmCreation;
import org.bulkhead.model.provision.VmRequest;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bulkhead create}: the New VM wizard without its window. The same {@link VmCreation}
 * drafts the VM, runs the pre-flight checks, finishes and rolls back; this class only turns
 * options into a request and the outcome into lines or JSON.
 */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Creates a VM as the New VM wizard does: Isolated unless --no-isolated, the same"
                + " pre-flight checks (warnings need --yes), Finish with roll-back, and the labels read back.",
                "Exit codes: 0 created; 1 no connection; 2 bad arguments; 3 blocked by a pre-flight check or"
                + " Isolated impossible here (nothing defined); 4 warnings not accepted with --yes (nothing"
                + " defined); 5 Finish failed and was rolled back; 6 created, but its labels differ from the plan."})
final class CreateCommand implements Callable<Integer> {

    static final int NO_CONNECTION = 1;
    static final int BAD_ARGUMENTS = 2;
    static final int BLOCKED = 3;
    static final int UNCONFIRMED = 4;
    static final int FINISH_FAILED = 5;
    static final int LABELS_DIFFER = 6;
    static final int NOT_VERIFIED = 7;

    private static final long MIB = 1024L * 1024;
    private static final long DEFAULT_DISK_GIB = 10;

    enum Format { text, json }

    enum ImageFormat { qcow2, raw }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the new VM's name")
    private String name;

    @Option(names = "--connect", paramLabel = "URI", defaultValue = "test:///default",
            description = "libvirt connection URI (default: ${DEFAULT-VALUE})")
    private ConnectionUri uri;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    static final class Source {
        @Option(names = "--iso", paramLabel = "PATH", description = "install from this ISO image (absolute path)")
        String iso;

        @Option(names = "--import", paramLabel = "PATH",
                description = "use this existing disk image as the VM's disk (absolute path)")
        String image;

        @Option(names = "--pxe", description = "no install medium: boot from the network")
        boolean pxe;
    }

    @Option(names = "--image-format", paramLabel = "FORMAT",
            description = "format of the --import image: qcow2 or raw (default: qcow2)")
    private ImageFormat imageFormat;

    @Option(names = "--memory", paramLabel = "MiB", defaultValue = "1024", description = "memory (default: ${DEFAULT-VALUE})")
    private long memoryMiB;

    @Option(names = "--vcpus", paramLabel = "N", defaultValue = "1", description = "virtual CPUs (default: ${DEFAULT-VALUE})")
    private int vcpus;

    @Option(names = "--disk-size", paramLabel = "GiB",
            description = "size of the new qcow2 volume (default: " + DEFAULT_DISK_GIB + "; with --import, no new volume"
                    + " unless this or --pool is given)")
    private Long diskGiB;

    @Option(names = "--pool", paramLabel = "NAME",
            description = "storage pool for the new volume (default: the first running one, or libvirt's usual"
                    + " 'default' pool, created, on a host that has none)")
    private String pool;

    @Option(names = "--no-disk", description = "no new volume")
    private boolean noDisk;

    @Option(names = "--network", paramLabel = "NAME", description = "libvirt network to attach to (default: default)")
    private String network;

    @Option(names = "--no-network", description = "no network interface")
    private boolean noNetwork;

    @Option(names = "--isolated", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "a label of the VM's own (default); --no-isolated for the host's shared label")
    private boolean isolated;

    @Option(names = "--pin-label", description = "SELinux hosts: a fixed MCS pair from Bulkhead's ledger instead of"
            + " libvirt's dynamic one")
    private boolean pinLabel;

    @Option(names = "--emulate", description = "emulate the CPU (TCG) even where KVM would work; where it would not"
            + " (an isolated VM's UID cannot open /dev/kvm, no KVM at all) the CPU is emulated anyway and the reason"
            + " said")
    private boolean emulate;

    @Option(names = "--no-start", description = "define the VM without starting it")
    private boolean noStart;

    @Option(names = {"--yes", "-y"}, description = "accept the pre-flight warnings")
    private boolean yes;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (progress on stderr, result on stdout) or json (one document on stdout)"
                    + " (default: ${DEFAULT-VALUE})")
    private Format format;

    private final Wiring wiring;
    private PrintWriter out;
    private PrintWriter err;

    CreateCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        try {
            Optional<String> problem = argumentProblem();
            if (problem.isPresent()) {
                return fail(BAD_ARGUMENTS, problem.get());
            }
            VmCreation creation;
            try {
                creation = VmCreation.open(wiring.creationPorts(), uri.text());
            } catch (HypervisorException e) {
                return fail(NO_CONNECTION, e.userMessage());
            }
            try (creation) {
                return create(creation);
            } catch (HypervisorException e) {
                return fail(NO_CONNECTION, e.userMessage());
            }
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** What can be said about the arguments before connecting, in the wizard's own sentences. */
    private Optional<String> argumentProblem() {
        if (noDisk && (diskGiB != null || pool != null)) {
            return Optional.of("--no-disk cannot go with --disk-size or --pool.");
        }
        if (noNetwork && network != null) {
            return Optional.of("--no-network cannot go with --network.");
        }
        if (diskGiB != null && diskGiB > Long.MAX_VALUE / (1024 * MIB)) {
            return Optional.of("--disk-size " + diskGiB + " GiB is more than any pool can hold.");
        }
        if (imageFormat != null && source.image == null) {
            return Optional.of("--image-format is the format of an --import image; there is none.");
        }
        return RequestRules.name(name)
                .or(() -> source.iso != null ? RequestRules.path(source.iso, "installer ISO") : Optional.empty())
                .or(() -> source.image != null ? RequestRules.path(source.image, "disk image to import") : Optional.empty())
                .or(() -> RequestRules.memory(memoryMiB))
                .or(() -> RequestRules.vcpus(vcpus))
                .or(() -> diskGiB != null ? RequestRules.capacity(diskGiB * 1024 * MIB) : Optional.empty());
    }

    private int create(VmCreation creation) {
        Optional<String> problem = Optional.ofNullable(source.iso).flatMap(p -> creation.missingFile(p, "ISO"))
                .or(() -> Optional.ofNullable(source.image).flatMap(p -> creation.missingFile(p, "disk image")));
        if (problem.isPresent()) {
            return fail(BAD_ARGUMENTS, problem.get());
        }
        if (pinLabel && !IsolationModels.of(creation.host()).canPin()) {
            return fail(BAD_ARGUMENTS, "--pin-label means a fixed SELinux MCS pair; " + uri + " is "
                    + IsolationModels.of(creation.host()).title() + ".");
        }
        if (pinLabel && !isolated) {
            return fail(BAD_ARGUMENTS, "--pin-label pins an isolated VM's label; it cannot go with --no-isolated.");
        }
        CreationReport report = new CreationReport(uri.text(), name, IsolationModels.of(creation.host()).title());
        Optional<String> cannotIsolate = isolated ? IsolationModels.of(creation.host()).unavailableReason(creation.host()) : Optional.empty();
        if (cannotIsolate.isPresent()) {
            return stop(report, Result.BLOCKED, BLOCKED, "This host cannot isolate the VM: " + cannotIsolate.get()
                    + " Nothing was defined; add --no-isolated to create it unconfined.");
        }
        Optional<VmRequest.Storage> storage = storage(creation);
        if (storage.isEmpty()) {
            return fail(BAD_ARGUMENTS, "There is no running storage pool on " + uri
                    + " for the new disk: name one with --pool, or give --no-disk.");
        }
        boolean emulated = emulate || creation.acceleration().emulateByDefault(isolated);
        String reason = !emulate && emulated ? creation.acceleration().reason() : "";
        String virtType = creation.virtType(emulated);
        report.emulation(virtType, reason);
        if (!reason.isEmpty()) {
            progress(reason);
        }
        VmRequest request = new VmRequest(name, virtType, installSource(), storage.get(), memoryMiB, vcpus,
                noNetwork ? Optional.empty() : Optional.of(network == null ? "default" : network), isolated,
                pinLabel, !noStart);
        Optional<String> beyondHost = creation.beyondHost(request);
        if (beyondHost.isPresent()) {
            return fail(BAD_ARGUMENTS, beyondHost.get());
        }

        VmCreation.Summary summary;
        try {
            // A label collision's one-click fix drafts again; here running the command again does that.
            summary = creation.draft(request, () -> { }, path -> { });
        } catch (IllegalArgumentException e) {
            return fail(BAD_ARGUMENTS, e.getMessage());
        } catch (IllegalStateException e) {
            return stop(report, Result.BLOCKED, BLOCKED, e.getMessage());
        }
        report.drafted(summary);
        progress("Label: " + summary.draft().isolation().labelText());
        progress("Pre-flight checks:");
        CreationReport.findingLines(summary.findings()).forEach(line -> progress("  " + line));

        List<PreflightFinding> findings = summary.findings();
        if (!Preflight.allowsFinish(findings)) {
            creation.release(summary.draft());
            List<String> blocking = findings.stream().filter(f -> f.status() == PreflightFinding.Status.BLOCKING)
                    .map(f -> f.check().title() + ": " + f.explanation()).toList();
            return stop(report, Result.BLOCKED, BLOCKED, "'" + name + "' was not created, a pre-flight check"
                    + " blocks it: " + String.join(" ", blocking) + " Nothing was defined.");
        }
        List<PreflightFinding> warnings = VmCreation.needingAcknowledgement(findings);
        if (!warnings.isEmpty() && !yes) {
            creation.release(summary.draft());
            return stop(report, Result.UNCONFIRMED, UNCONFIRMED, "'" + name + "' was not created: accept "
                    + (warnings.size() == 1 ? "this warning" : "these warnings") + " by adding --yes: "
                    + String.join("; ", warnings.stream().map(w -> w.check().title() + " (" + w.status().label() + ")")
                            .toList()) + ". Nothing was defined.");
        }

        ProvisionListener listener = (step, state, detail) -> {
            report.step(step, state, detail);
            progress(VmCreation.progressLine(step, state, detail));
        };
        ProvisionOutcome done = creation.finish(summary.draft(), listener);
        report.finished(done);
        if (!done.succeeded()) {
            if (format == Format.json) {
                out.print(report.json());
            }
            List<String> lines = report.failureLines();
            err.println("bulkhead create: " + lines.get(0));
            lines.subList(1, lines.size()).forEach(err::println);
            return FINISH_FAILED;
        }
        if (format == Format.json) {
            out.print(report.json());
        } else {
            report.resultLines().forEach(out::println);
        }
        boolean differ = done.verification().map(v -> v.verdict() == Verification.Verdict.MISMATCH).orElse(false);
        if (differ) {
            err.println("bulkhead create: '" + name + "' was created and runs, but its labels differ from the plan"
                    + " (see the mismatches).");
            return LABELS_DIFFER;
        }
        boolean incomplete = done.verification().map(v -> v.verdict() == Verification.Verdict.INCOMPLETE)
                .orElse(false);
        if (incomplete) {
            err.println("bulkhead create: '" + name + "' was created and runs, but not every check of its labels"
                    + " could be made (see 'not checked'): it is not verified.");
            return NOT_VERIFIED;
        }
        return 0;
    }

    private VmRequest.InstallSource installSource() {
        if (source.iso != null) {
            return new VmRequest.InstallSource.Iso(source.iso.strip());
        }
        if (source.image != null) {
            return new VmRequest.InstallSource.ImportImage(source.image.strip(),
                    (imageFormat == null ? ImageFormat.qcow2 : imageFormat).name());
        }
        return new VmRequest.InstallSource.NetworkBoot();
    }

    /** The VM's new volume as the wizard would default it; empty when one is wanted and no pool can hold it. */
    private Optional<VmRequest.Storage> storage(VmCreation creation) {
        boolean wanted = !noDisk && (source.image == null || diskGiB != null || pool != null);
        if (!wanted) {
            return Optional.of(new VmRequest.Storage.NoNewVolume());
        }
        Optional<String> into = Optional.ofNullable(pool)
                .or(() -> creation.setup().choices().stream().map(StoragePoolInfo::name).findFirst());
        long gib = diskGiB == null ? DEFAULT_DISK_GIB : diskGiB;
        return into.map(p -> new VmRequest.Storage.NewVolume(p, gib * 1024 * MIB));
    }

    private void progress(String line) {
        if (format == Format.text) {
            err.println(line);
        }
    }

    /** Ends before anything is defined, with the reason on stderr (and the document on stdout in json mode). */
    private int stop(CreationReport report, Result why, int exit, String sentence) {
        report.stopped(why, sentence);
        if (format == Format.json) {
            out.print(report.json());
        }
        err.println("bulkhead create: " + sentence);
        return exit;
    }

    private int fail(int exit, String sentence) {
        err.println("bulkhead create: " + sentence);
        return exit;
    }
}
