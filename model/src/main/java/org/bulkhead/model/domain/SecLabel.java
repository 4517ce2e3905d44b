package org.bulkhead.model.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A domain-level {@code <seclabel>} as written.
 *
 * @param model      selinux, apparmor, dac...; null when the XML omits it (libvirt then gives it
 *                   to the host's primary model)
 * @param type       empty when the XML omits it: resolved at start, dynamic when the host's
 *                   {@code security_default_confined} is on (the default), else none
 * @param relabel    the attribute as written
 * @param imageLabel output only: libvirt ignores it when a domain is defined
 */
public record SecLabel(String model, Optional<Type> type, Optional<Boolean> relabel, Optional<String> label,
        Optional<String> imageLabel, Optional<String> baseLabel) {

    public enum Type {
        DYNAMIC("dynamic"),
        STATIC("static"),
        NONE("none");

        private final String xmlName;

        Type(String xmlName) {
            this.xmlName = xmlName;
        }

        public String xmlName() {
            return xmlName;
        }

        public static Optional<Type> fromXmlName(String name) {
            for (Type type : values()) {
                if (type.xmlName.equals(name)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    public SecLabel {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(relabel, "relabel");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(imageLabel, "imageLabel");
        Objects.requireNonNull(baseLabel, "baseLabel");
    }

    /** {@code <seclabel type='dynamic' model='...'/>}: libvirt picks the label and relabels. */
    public static SecLabel dynamic(String model) {
        return new SecLabel(model, Optional.of(Type.DYNAMIC), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** A static label, relabelling resources when {@code relabel} is true. */
    public static SecLabel fixed(String model, String label, boolean relabel) {
        return new SecLabel(model, Optional.of(Type.STATIC), Optional.of(relabel), Optional.of(label),
                Optional.empty(), Optional.empty());
    }

    /** {@code type='none'}: unconfined for this model. */
    public static SecLabel none(String model) {
        return new SecLabel(model, Optional.of(Type.NONE), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * Whether libvirt relabels this domain's resources: static and none default to no, dynamic
     * always does; an untyped label is taken to resolve to dynamic (libvirt's default).
     */
    public boolean effectiveRelabel() {
        if (type.isEmpty()) {
            return relabel.orElse(true);
        }
        return switch (type.get()) {
            case DYNAMIC -> true;
            case STATIC -> relabel.orElse(false);
            case NONE -> false;
        };
    }

    public boolean isNone() {
        return type.equals(Optional.of(Type.NONE));
    }

    public Optional<String> optionalModel() {
        return Optional.ofNullable(model);
    }
}
