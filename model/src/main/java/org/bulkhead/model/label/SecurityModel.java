package org.bulkhead.model.label;

import java.util.Objects;
import java.util.Optional;

/** The security models libvirt's drivers report, by the names libvirt uses for them. */
public enum SecurityModel {
    SELINUX("selinux"),
    APPARMOR("apparmor"),
    DAC("dac"),
    NONE("none"),
    /** libvirt's test driver: labels in SELinux format that nothing enforces. */
    TEST("testSecurity");

    private final String libvirtName;

    SecurityModel(String libvirtName) {
        this.libvirtName = libvirtName;
    }

    /** The name in {@code <seclabel model='...'>} and in the capabilities' {@code <secmodel>}. */
    public String libvirtName() {
        return libvirtName;
    }

    public static Optional<SecurityModel> fromLibvirtName(String name) {
        for (SecurityModel model : values()) {
            if (model.libvirtName.equals(name)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }

    /** False for models under which nothing is confined, whatever the label says. */
    public boolean enforcesAnything() {
        return this != NONE && this != TEST;
    }

    /**
     * Checks that {@code label} is written in this model's format and throws a
     * {@link LabelFormatException} naming the wrong part otherwise.
     */
    public void validateLabel(String label) {
        Objects.requireNonNull(label, "label");
        switch (this) {
            case SELINUX, TEST -> SecurityContext.parse(label);
            case DAC -> DacLabel.parse(label);
            case APPARMOR -> AppArmorLabel.parse(label);
            case NONE -> {
                if (!label.isEmpty()) {
                    throw new LabelFormatException("label", label, label,
                            "the security model 'none' takes no label");
                }
            }
        }
    }
}
