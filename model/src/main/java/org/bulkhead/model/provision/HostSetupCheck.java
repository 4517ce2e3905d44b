package org.bulkhead.model.provision;

import java.util.List;
import java.util.Optional;

import org.bulkhead.model.provision.PreflightFinding.Check;
import org.bulkhead.model.provision.PreflightFinding.Status;

/** Passes either way: what Finish will set up on the host is said here, before it happens. */
final class HostSetupCheck implements PreflightCheck {

    private final PreflightInputs in;

    HostSetupCheck(PreflightInputs in) {
        this.in = in;
    }

    @Override
    public List<PreflightFinding> findings() {
        HostPreparation preparation = in.draft().preparation();
        if (preparation.isEmpty()) {
            return List.of(PreflightFinding.passed(Check.HOST_SETUP,
                    "The storage pool and network this VM uses are running."));
        }
        return List.of(new PreflightFinding(Check.HOST_SETUP, Status.PASSED, "Finish will first "
                + String.join(", and ", preparation.changes()) + "; if Finish fails, that is undone too.",
                Optional.of(preparation.commands()), Optional.empty()));
    }
}
