package org.bulkhead.model.domain;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Replaces a domain's own {@code <seclabel>} elements in its XML and leaves every other node
 * (unknown elements, comments, namespaced metadata, device order) where it was.
 */
final class SecLabelPatcher {

    private SecLabelPatcher() {
    }

    static String withSecLabels(String xml, List<SecLabel> seclabels) {
        SecLabelElements.check(seclabels);
        Document document = DomXml.parse(xml);
        Element domain = document.getDocumentElement();
        if (!"domain".equals(domain.getLocalName()) || domain.getNamespaceURI() != null) {
            throw new DomainXmlException("Not a libvirt domain XML: the root element is <"
                    + domain.getTagName() + ">, expected <domain>");
        }
        List<Element> old = domainSeclabels(domain);
        Node anchor = old.isEmpty() ? afterDevices(domain) : withLeadingSpace(old.get(0));
        String indent = indentBefore(old.isEmpty() ? firstChild(domain, "devices") : old.get(0));
        for (SecLabel seclabel : seclabels) {
            if (!indent.isEmpty()) {
                domain.insertBefore(document.createTextNode(indent), anchor);
            }
            String childIndent = indent.isEmpty() ? null : indent + "  ";
            String closingIndent = indent.isEmpty() ? null : indent;
            domain.insertBefore(SecLabelElements.create(document, seclabel, childIndent, closingIndent), anchor);
        }
        for (Element element : old) {
            Node previous = element.getPreviousSibling();
            if (isWhitespace(previous)) {
                domain.removeChild(previous);
            }
            domain.removeChild(element);
        }
        return DomXml.serialize(document, false, xml.stripLeading().startsWith("<?xml"));
    }

    private static List<Element> domainSeclabels(Element domain) {
        List<Element> found = new ArrayList<>();
        for (Node n = domain.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "seclabel".equals(e.getLocalName()) && e.getNamespaceURI() == null) {
                found.add(e);
            }
        }
        return found;
    }

    /** libvirt writes seclabels right after {@code <devices>}; null appends at the end. */
    private static Node afterDevices(Element domain) {
        Element devices = firstChild(domain, "devices");
        if (devices != null) {
            return devices.getNextSibling();
        }
        Node last = domain.getLastChild();
        return isWhitespace(last) ? last : null;
    }

    private static Node withLeadingSpace(Element element) {
        Node previous = element.getPreviousSibling();
        return isWhitespace(previous) ? previous : element;
    }

    private static String indentBefore(Element element) {
        Node previous = element == null ? null : element.getPreviousSibling();
        return isWhitespace(previous) ? previous.getNodeValue() : "";
    }

    private static Element firstChild(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && e.getNamespaceURI() == null) {
                return e;
            }
        }
        return null;
    }

    private static boolean isWhitespace(Node node) {
        return node != null && node.getNodeType() == Node.TEXT_NODE && node.getNodeValue().isBlank();
    }
}
