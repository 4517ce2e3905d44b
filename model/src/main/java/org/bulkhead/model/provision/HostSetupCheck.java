package org.bulkhead.model.provision;

import java.util.Optional;

import org.bulkhead.model.provision.PreflightFinding.Check;
import org.bulkhead.model.provision.PreflightFinding.Status;

/** Passes either way: what Finish will set up on the host is said here, before it happens. */
final class HostSetupCheck extends OneFindingCheck {

    HostSetupCheck(PreflightInputs in) {
        super(in);
    }

    @Override
    PreflightFinding finding() {
        HostPreparation preparation = in.draft().preparation();
        if (preparation.isEmpty()) {
            return PreflightFinding.passed(Check.HOST_SETUP,
                    "The storage pool and network this VM uses are running.");
        }
        return new PreflightFinding(Check.HOST_SETUP, Status.PASSED, "Finish will first "
                + String.join(", and ", preparation.changes()) + "; if Finish fails, that is undone too.",
                Optional.of(preparation.commands()), Optional.empty());
    }
}
