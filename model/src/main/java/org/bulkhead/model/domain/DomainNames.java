package org.bulkhead.model.domain;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.bulkhead.model.xml.SafeXml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Which domain names libvirt will take and Bulkhead can show, with a message for the wizard. */
public final class DomainNames {

    /**
     * The most UTF-8 bytes a name may take. libvirt puts the name into file names, and a file
     * name holds at most 255 bytes (NAME_MAX); the longest one libvirt makes from a name is
     * swtpm's log, {@code <name>-swtpm.log}, 10 bytes more. (Defining writes
     * {@code /etc/libvirt/qemu/<name>.xml.new}: on libvirt 9.0 a name of 248 bytes already fails
     * with "File name too long".)
     */
    public static final int MAX_BYTES = 255 - "-swtpm.log".length();

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
                .mapToObj(DomainNames::whyForbidden)
                .findFirst();
        if (badCharacter.isPresent()) {
            return badCharacter;
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            int characters = name.codePointCount(0, name.length());
            return Optional.of(String.format(Locale.ROOT,
                    "This name is too long for libvirt, which uses it in file names: it takes %d bytes"
                            + " (%d characters) and at most %d bytes fit. That is %d characters such as 'a',"
                            + " %d such as 'é', %d such as '中' or %d emoji. Shorten it.",
                    bytes, characters, MAX_BYTES, MAX_BYTES, MAX_BYTES / 2, MAX_BYTES / 3, MAX_BYTES / 4));
        }
        return Optional.empty();
    }

    /**
     * The {@code <name>} of a domain XML, to name the domain in messages before libvirt knows it;
     * empty when the XML has none or does not parse (libvirt will then say what is wrong with it).
     */
    public static Optional<String> inXml(String xml) {
        Element root;
        try {
            root = SafeXml.parse(xml, "domain XML").getDocumentElement();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals("name")) {
                String name = element.getTextContent().strip();
                return name.isEmpty() ? Optional.empty() : Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static boolean isForbidden(int c) {
        return Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                || Character.getType(c) == Character.SURROGATE || c == 0xFFFE || c == 0xFFFF
                || Character.getType(c) == Character.FORMAT;
    }

    private static String whyForbidden(int c) {
        if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
            return "A name must fit on one line: remove the line break.";
        }
        if (isBidiControl(c)) {
            return String.format(Locale.ROOT, "A name cannot contain the invisible direction mark U+%04X (%s): it"
                    + " reorders the text around it, so the name would display as something else.",
                    c, Character.getName(c).toLowerCase(Locale.ROOT));
        }
        if (Character.getType(c) == Character.FORMAT) {
            return String.format(Locale.ROOT, "A name cannot contain the invisible character U+%04X (%s): the"
                    + " name would look like another one that differs only by it.",
                    c, Character.getName(c).toLowerCase(Locale.ROOT));
        }
        return String.format(Locale.ROOT, "A name cannot contain control characters (found U+%04X).", c);
    }

    // Unicode's explicit directional formatting characters (UAX #9) and the marks.
    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E || c == 0x200F || c == 0x061C;
    }
}
