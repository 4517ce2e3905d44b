package org.bulkhead.model.provision;

import java.util.List;

/** A pre-flight check that always makes exactly one finding. */
abstract class OneFindingCheck implements PreflightCheck {

    final PreflightInputs in;

    OneFindingCheck(PreflightInputs in) {
        this.in = in;
    }

    @Override
    public final List<PreflightFinding> findings() {
        return List.of(finding());
    }

    abstract PreflightFinding finding();
}
