package org.bulkhead.ui.common;

import java.util.Objects;

/**
 * A question asked before a destructive action. {@code action} labels the button that goes ahead
 * (a verb such as "Force off"), so the dialog never asks for a bare OK.
 */
public record Confirmation(String title, String question, String consequence, String action) {

    public Confirmation {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(consequence, "consequence");
        Objects.requireNonNull(action, "action");
    }
}
