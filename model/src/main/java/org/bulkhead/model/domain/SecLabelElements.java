package org.bulkhead.model.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes {@code <seclabel>} elements, refusing combinations libvirt rejects when defining. */
final class SecLabelElements {

    private SecLabelElements() {
    }

    /** libvirt's own checks, so the user hears about them before anything is defined. */
    static void check(List<SecLabel> seclabels) {
        Set<String> models = new HashSet<>();
        for (SecLabel s : seclabels) {
            if (s.model() == null && seclabels.size() > 1) {
                throw new DomainXmlException("With several seclabels each needs a model");
            }
            if (s.model() != null && !models.add(s.model())) {
                throw new DomainXmlException("Two seclabels for model '" + s.model() + "': libvirt allows one per model");
            }
            Optional<SecLabel.Type> type = s.type();
            if (type.equals(Optional.of(SecLabel.Type.DYNAMIC)) && s.relabel().equals(Optional.of(false))) {
                throw new DomainXmlException("A dynamic seclabel must relabel: libvirt rejects relabel='no' with it");
            }
            if (type.equals(Optional.of(SecLabel.Type.NONE)) && s.relabel().equals(Optional.of(true))) {
                throw new DomainXmlException("A seclabel of type none cannot relabel: libvirt rejects relabel='yes' with it");
            }
            if (type.equals(Optional.of(SecLabel.Type.STATIC)) && s.label().isEmpty()) {
                throw new DomainXmlException("A static seclabel needs a <label>");
            }
        }
    }

    /**
     * Builds one seclabel; {@code childIndent} is the whitespace put before each child and
     * {@code closingIndent} before the end tag (null: none, for documents indented on output).
     */
    static Element create(Document document, SecLabel seclabel, String childIndent, String closingIndent) {
        Element element = document.createElement("seclabel");
        seclabel.type().ifPresent(type -> element.setAttribute("type", type.xmlName()));
        if (seclabel.model() != null) {
            DomXml.attribute(element, "model", seclabel.model());
        }
        seclabel.relabel().ifPresent(relabel -> element.setAttribute("relabel", relabel ? "yes" : "no"));
        boolean hasChildren = seclabel.label().isPresent() || seclabel.imageLabel().isPresent()
                || seclabel.baseLabel().isPresent();
        seclabel.label().ifPresent(text -> add(element, "label", text, childIndent));
        seclabel.imageLabel().ifPresent(text -> add(element, "imagelabel", text, childIndent));
        seclabel.baseLabel().ifPresent(text -> add(element, "baselabel", text, childIndent));
        if (hasChildren && closingIndent != null) {
            element.appendChild(document.createTextNode(closingIndent));
        }
        return element;
    }

    private static void add(Element parent, String name, String text, String indent) {
        if (indent != null) {
            parent.appendChild(parent.getOwnerDocument().createTextNode(indent));
        }
        DomXml.child(parent, name, text);
    }
}
