package org.bulkhead.model.provision;

import java.util.List;

/**
 * One check of {@link Preflight}, made for one draft's {@link PreflightInputs}: its findings,
 * passed ones included, so the wizard can show what was checked.
 */
interface PreflightCheck {

    List<PreflightFinding> findings();
}
