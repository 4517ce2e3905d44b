package org.bulkhead.model.store;

import java.util.List;

/** Comparing lists of immutable snapshots (or rows) by identity: a cheap "did anything change". */
public final class References {

    private References() {
    }

    /** Whether both lists hold the very same objects in the same order. */
    public static boolean sameElements(List<?> now, List<?> before) {
        if (now.size() != before.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            if (now.get(i) != before.get(i)) {
                return false;
            }
        }
        return true;
    }
}
