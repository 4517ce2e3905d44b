package org.bulkhead.model.disposable;

import java.util.List;

/**
 * What ending a disposable VM did and what it checked: everything removed, anything that is still
 * there (with how to remove it), and what could not be checked from here.
 */
public record DisposableEnd(String name, List<String> removed, List<String> left, List<String> notChecked) {

    public DisposableEnd {
        removed = List.copyOf(removed);
        left = List.copyOf(left);
        notChecked = List.copyOf(notChecked);
    }

    /** Nothing of the disposable VM is left that Bulkhead could see. */
    public boolean clean() {
        return left.isEmpty();
    }

    /** One paragraph for a user. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (clean()) {
            text.append("Nothing of '").append(name).append("' is left: ").append(String.join("; ", removed)).append('.');
        } else {
            text.append("'").append(name).append("' left something behind: ").append(String.join("; ", left)).append('.');
            if (!removed.isEmpty()) {
                text.append(" Removed: ").append(String.join("; ", removed)).append('.');
            }
        }
        if (!notChecked.isEmpty()) {
            text.append(" Not checked: ").append(String.join("; ", notChecked)).append('.');
        }
        return text.toString();
    }
}
