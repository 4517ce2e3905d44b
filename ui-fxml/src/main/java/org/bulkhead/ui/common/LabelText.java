package org.bulkhead.ui.common;

import java.util.Objects;

import org.bulkhead.model.label.CategorySet;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.SecurityContext;

/**
 * A security label split for display: an SELinux context's {@code user:role:type:} part and
 * its MCS range ({@code s0:c471,c901}) apart, so the categories that make a VM unique stand out.
 * Labels of other models ({@code +64055:+64055}, {@code libvirt-<uuid>}) stay whole.
 *
 * @param context    everything before the range; the whole label when it has no range
 * @param range      the MCS range, empty when there is none
 * @param categories the categories of the range's low level, the level the VM runs at
 */
public record LabelText(String context, String range, CategorySet categories) {

    public static final LabelText NONE = new LabelText("", "", CategorySet.empty());
    /** Shown in place of a label that is still being read. */
    public static final LabelText CHECKING = new LabelText("checking\u2026", "", CategorySet.empty());

    public LabelText {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(categories, "categories");
    }

    public static LabelText of(String label) {
        if (label == null || label.isEmpty()) {
            return NONE;
        }
        try {
            SecurityContext parsed = SecurityContext.parse(label);
            if (parsed.range() == null) {
                return new LabelText(label, "", CategorySet.empty());
            }
            // Split the text as written (the range follows the third colon), not a re-rendering of it.
            int third = label.indexOf(':', label.indexOf(':', label.indexOf(':') + 1) + 1);
            return new LabelText(label.substring(0, third + 1), label.substring(third + 1),
                    parsed.range().low().categories());
        } catch (LabelFormatException e) {
            // Not an SELinux context: DAC, AppArmor or the test driver's own word. Shown as it is.
            return new LabelText(label, "", CategorySet.empty());
        }
    }

    public boolean isEmpty() {
        return context.isEmpty() && range.isEmpty();
    }

    public String full() {
        return context + range;
    }

    @Override
    public String toString() {
        return full();
    }
}
