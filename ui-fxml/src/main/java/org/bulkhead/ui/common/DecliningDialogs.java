package org.bulkhead.ui.common;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Dialogs with nobody to answer them (a headless benchmark, a test): every question is declined,
 * so nothing is deleted or discarded, and what would have been asked, told or shown as an error
 * is handed to the given consumers instead.
 */
public record DecliningDialogs(Consumer<Confirmation> asked, Consumer<String> told, Consumer<Problem> errors)
        implements DialogService {

    /** Declines every question and keeps only the errors. */
    public static DecliningDialogs keepingErrors(Consumer<Problem> errors) {
        return new DecliningDialogs(question -> { }, text -> { }, errors);
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        asked.accept(confirmation);
        return false;
    }

    @Override
    public Optional<Boolean> confirmDeletion(String domainName, String connectionUri, List<String> volumes) {
        return Optional.empty();
    }

    @Override
    public void inform(String title, String header, String text) {
        told.accept(header + "\n" + text);
    }

    @Override
    public void showError(Problem problem) {
        errors.accept(problem);
    }
}
