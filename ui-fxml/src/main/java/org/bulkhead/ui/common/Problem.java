package org.bulkhead.ui.common;

import java.util.Objects;

/**
 * A failure as the user should read it: what failed, why, and what to do about it.
 *
 * @param what     one sentence naming the operation and its object, e.g. "Could not start “web”."
 * @param why      the cause in the hypervisor's or the system's words
 * @param whatToDo the next step; never empty
 */
public record Problem(String title, String what, String why, String whatToDo) {

    public Problem {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(whatToDo, "whatToDo");
    }

    /** The body of a dialog: cause, then the suggested step. */
    public String details() {
        return why + "\n\nWhat to do: " + whatToDo;
    }
}
