package org.bulkhead.model.domain;

import java.util.Optional;

/** Which domain names libvirt will take and Bulkhead can show, with a message for the wizard. */
public final class DomainNames {

    /** Longer names overflow file names under /etc/libvirt and /var/run/libvirt in practice. */
    public static final int MAX_LENGTH = 200;

    private DomainNames() {
    }

    /** Empty when {@code name} is usable; otherwise a sentence saying what to change. */
    public static Optional<String> validate(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Enter a name for the virtual machine.");
        }
        if (name.indexOf('/') >= 0) {
            return Optional.of("A name cannot contain '/': libvirt uses the name in file paths.");
        }
        Optional<String> badCharacter = name.codePoints()
                .filter(DomainNames::isForbidden)
                .mapToObj(c -> c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029
                        ? "A name must fit on one line: remove the line break."
                        : String.format("A name cannot contain control characters (found U+%04X).", c))
                .findFirst();
        if (badCharacter.isPresent()) {
            return badCharacter;
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            return Optional.of("A name can have at most " + MAX_LENGTH + " characters; this one has " + length + ".");
        }
        return Optional.empty();
    }

    private static boolean isForbidden(int c) {
        return Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                || Character.getType(c) == Character.SURROGATE || c == 0xFFFE || c == 0xFFFF;
    }
}
