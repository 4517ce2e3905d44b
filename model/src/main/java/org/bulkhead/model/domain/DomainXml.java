package org.bulkhead.model.domain;

import java.util.List;
import java.util.Objects;

/** Reading, writing and patching libvirt domain XML. */
public final class DomainXml {

    private DomainXml() {
    }

    /**
     * Reads what Bulkhead needs from a domain XML (live or inactive); unknown elements are ignored.
     *
     * @throws DomainXmlException when the XML is malformed or lacks a name, uuid or type
     */
    public static DomainSpec parse(String xml) {
        return DomainXmlReader.read(xml);
    }

    /**
     * The XML that defines {@code domain}.
     *
     * @throws DomainXmlException when the name is unusable ({@link DomainNames#validate}), a value
     *                            holds a character XML cannot carry, or libvirt would reject the seclabels
     */
    public static String write(NewDomain domain) {
        return DomainXmlWriter.write(Objects.requireNonNull(domain, "domain"));
    }

    /**
     * {@code xml} with its domain-level seclabels replaced by {@code seclabels}; every other node
     * stays as it was (attribute quoting may change).
     */
    public static String withSecLabels(String xml, List<SecLabel> seclabels) {
        return SecLabelPatcher.withSecLabels(Objects.requireNonNull(xml, "xml"), List.copyOf(seclabels));
    }
}
