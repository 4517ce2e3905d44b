package org.bulkhead.model.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * What the active security driver will do to one resource when the domain starts.
 *
 * @param label  the label the resource will carry; empty when nothing is set or the label is
 *               only known once libvirt allocates it at start ({@code reason} says which)
 * @param reason the rule that applies, in words the UI can show as is
 */
public record ResourceLabel(Resource resource, Action action, Optional<String> label, String reason) {

    public enum Action {
        /** libvirt sets the label (SELinux context or DAC owner) at start. */
        RELABEL,
        /** The resource keeps the label it has. */
        LEAVE_ALONE,
        /** The file does not exist before start: QEMU creates it, e.g. a listening socket. */
        QEMU_CREATES,
        /** Nothing on the local filesystem to label: network disks, ptys, TCP chardevs. */
        NOT_A_FILE
    }

    public ResourceLabel {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(reason, "reason");
    }
}
