package org.bulkhead.model.disposable;

import java.util.Objects;
import java.util.Optional;

import org.bulkhead.model.hostsec.FileLabel;
import org.bulkhead.model.isolation.IsolationPlan;

/**
 * A running disposable VM: a transient domain on a qcow2 overlay of its template's image.
 *
 * @param template       the template's name
 * @param templateImage  the template's image, the overlay's read-only backing file
 * @param templateBefore the template image's owner, mode and label before the disposable started,
 *                       to check nothing was left on it; empty where files cannot be read from here
 * @param label          the disposable's own label as libvirt runs it (read back from the live XML)
 */
public record Disposable(String uri, String uuid, String name, String template, String templateImage,
        String overlay, IsolationPlan plan, Optional<FileLabel> templateBefore, String label) {

    public Disposable {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(templateImage, "templateImage");
        Objects.requireNonNull(overlay, "overlay");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(templateBefore, "templateBefore");
        Objects.requireNonNull(label, "label");
    }
}
