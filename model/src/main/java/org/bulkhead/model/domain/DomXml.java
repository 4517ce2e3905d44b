package org.bulkhead.model.domain;

import org.bulkhead.model.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Domain XML on {@link SafeXml}'s hardened DOM, with the helpers the writer uses to build it:
 * text and attribute values checked before they go in.
 */
final class DomXml {

    private DomXml() {
    }

    static Document newDocument() {
        return SafeXml.newDocument();
    }

    static Document parse(String xml) {
        try {
            return SafeXml.parse(xml, "domain XML");
        } catch (IllegalArgumentException e) {
            throw new DomainXmlException("Malformed domain XML: " + e.getCause().getMessage(), e.getCause());
        }
    }

    static String serialize(Document document, boolean indent, boolean declaration) {
        return SafeXml.serialize(document, indent, declaration);
    }

    /** Appends {@code <name>text</name>} to {@code parent}. */
    static Element child(Element parent, String name, String text) {
        Element element = child(parent, name);
        element.setTextContent(checked(text, name));
        return element;
    }

    static Element child(Element parent, String name) {
        Element element = parent.getOwnerDocument().createElement(name);
        parent.appendChild(element);
        return element;
    }

    static void attribute(Element element, String name, String value) {
        element.setAttribute(name, checked(value, element.getTagName() + " " + name));
    }

    /**
     * XML 1.0 cannot carry most control characters at all, not even as character references;
     * refuse them here rather than write a document libvirt would reject.
     */
    static String checked(String value, String where) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!allowed) {
                throw new DomainXmlException(String.format(
                        "The %s contains the character U+%04X, which XML cannot carry", where, c));
            }
            i += Character.charCount(c);
        }
        return value;
    }
}
