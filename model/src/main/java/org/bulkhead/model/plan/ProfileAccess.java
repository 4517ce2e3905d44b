package org.bulkhead.model.plan;

import java.util.Objects;

import org.bulkhead.model.label.AppArmorLabel;
import org.bulkhead.model.label.LabelFormatException;

/**
 * What an AppArmor profile must allow on one file, the AppArmor counterpart of a planned label:
 * files keep their labels, the VM's profile lists them. Written {@code <profile> allows <access>},
 * e.g. {@code libvirt-0f8f... allows rw}; {@code access} is a set of AppArmor file permission
 * letters ({@code r}, {@code w}, {@code k}...).
 */
public record ProfileAccess(String profile, String access) {

    private static final String ALLOWS = " allows ";

    public ProfileAccess {
        AppArmorLabel.parse(Objects.requireNonNull(profile, "profile"));
        Objects.requireNonNull(access, "access");
        if (access.isEmpty() || !access.chars().allMatch(Character::isLetter)) {
            throw new LabelFormatException("AppArmor access", access, profile + ALLOWS + access,
                    "file permissions are letters such as r, w, k");
        }
    }

    public static ProfileAccess parse(String text) {
        int at = text.indexOf(ALLOWS);
        if (at <= 0) {
            throw new LabelFormatException("AppArmor access", text, text,
                    "expected '<profile> allows <permissions>', e.g. 'libvirt-<uuid> allows rw'");
        }
        return new ProfileAccess(text.substring(0, at), text.substring(at + ALLOWS.length()));
    }

    /** Whether {@code granted} (the letters of a profile rule) includes every letter asked for here. */
    public boolean grantedBy(String granted) {
        return access.chars().allMatch(letter -> granted.indexOf(letter) >= 0);
    }

    @Override
    public String toString() {
        return profile + ALLOWS + access;
    }
}
