package org.bulkhead.ui.common;

import java.util.List;
import java.util.Optional;

/**
 * The dialogs view models may raise. The application shows real dialogs; tests answer with a
 * script, so confirmation and error paths are tested without a toolkit.
 */
public interface DialogService {

    /** Asks before a destructive action; true only if the user chose to go ahead. */
    boolean confirm(Confirmation confirmation);

    /**
     * Asks before deleting a domain, offering to delete its storage too.
     *
     * @param volumes the files that "with storage" would delete, shown to the user
     * @return empty when cancelled, otherwise whether to delete the storage as well
     */
    Optional<Boolean> confirmDeletion(String domainName, String connectionUri, List<String> volumes);

    /**
     * Tells the user the outcome of something they asked for (which files a deletion removed);
     * does not wait. The default refuses: every service that can delete must say what it did.
     */
    default void inform(String title, String header, String text) {
        throw new UnsupportedOperationException("this dialog service cannot report: " + header);
    }

    /** Shows a failure; never blocks the caller waiting for the hypervisor. */
    void showError(Problem problem);
}
