package org.bulkhead.model.domain;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's DOM, configured once for domain XML: no DTDs or external entities on the way in,
 * and a serializer that escapes markup and writes newlines in attributes as {@code &#10;}.
 */
final class DomXml {

    private DomXml() {
    }

    static Document newDocument() {
        return builder().newDocument();
    }

    static Document parse(String xml) {
        try {
            return builder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new DomainXmlException("Malformed domain XML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(THROWING);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser lacks a standard feature", e);
        }
    }

    /** The default handler prints "[Fatal Error]" to stderr before throwing; just throw. */
    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    static String serialize(Document document, boolean indent, boolean declaration) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, declaration ? "no" : "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            if (indent) {
                transformer.setOutputProperty(OutputKeys.INDENT, "yes");
                transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            }
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("Could not serialize a DOM document", e);
        }
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
