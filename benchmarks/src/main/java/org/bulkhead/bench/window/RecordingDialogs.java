package org.bulkhead.bench.window;

import java.util.List;
import java.util.Optional;

import org.bulkhead.ui.common.Confirmation;
import org.bulkhead.ui.common.DialogService;
import org.bulkhead.ui.common.Problem;

/** Dialogs the window would raise, kept for the report; a benchmark has nobody to answer them. */
record RecordingDialogs(List<String> errors) implements DialogService {
    @Override
    public boolean confirm(Confirmation confirmation) {
        return false;
    }

    @Override
    public Optional<Boolean> confirmDeletion(String domainName, String connectionUri, List<String> volumes) {
        return Optional.empty();
    }

    @Override
    public void showError(Problem problem) {
        errors.add(problem.toString());
    }
}
