package org.bulkhead.model.provision;

import java.util.List;
import java.util.function.Function;

import org.bulkhead.model.provision.PreflightFinding.Status;

/**
 * The checks run before Finish, each one for a way a new VM could end up less isolated (or not
 * start) without anyone noticing. Each check is its own class; this is their list, in the order
 * the wizard shows them. Every check reports, passed ones included, so the wizard can show what
 * was checked.
 */
public final class Preflight {

    private static final List<Function<PreflightInputs, PreflightCheck>> CHECKS = List.of(
            SourceCheck::new,
            ImageSharing::new,
            FilesystemCheck::new,
            QemuReachCheck::new,
            EnforcementCheck::new,
            SecurityDriverCheck::new,
            LabelCollisionCheck::new,
            HostSetupCheck::new);

    private final PreflightInputs in;

    public Preflight(PreflightInputs inputs) {
        this.in = inputs;
    }

    public List<PreflightFinding> run() {
        return CHECKS.stream().flatMap(check -> check.apply(in).findings().stream()).toList();
    }

    /** Whether Finish may go ahead: no check blocks. */
    public static boolean allowsFinish(List<PreflightFinding> findings) {
        return findings.stream().noneMatch(f -> f.status() == Status.BLOCKING);
    }
}
