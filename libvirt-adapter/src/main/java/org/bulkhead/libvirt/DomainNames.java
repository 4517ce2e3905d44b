package org.bulkhead.libvirt;

import org.bulkhead.model.xml.SafeXml;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The {@code <name>} of a domain XML, to name the domain in messages before libvirt knows it. */
final class DomainNames {

    private DomainNames() {
    }

    static Optional<String> fromXml(String xml) {
        Element root;
        try {
            root = SafeXml.parse(xml, "domain XML").getDocumentElement();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // libvirt will say precisely what is wrong with it
        }
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals("name")) {
                String name = element.getTextContent().strip();
                return name.isEmpty() ? Optional.empty() : Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
