package org.bulkhead.model.domain;

import org.bulkhead.model.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

class SecLabelPatchTest {

    private static final String LIVE = Fixtures.read("domain/live-selinux.xml");

    private static final String WITH_EXTRAS = """
            <domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
              <name>extras</name>
              <uuid>4b1f6c2e-9a7d-4e3b-8c5a-2d1e0f9a8b7c</uuid>
              <!-- hand-tuned by the admin: keep -->
              <devices>
                <disk type='file' device='disk'>
                  <source file='/images/odd&#10;name.qcow2'/>
                  <target dev='vda' bus='virtio'/>
                </disk>
                <watchdog model='i6300esb' action='reset'/>
                <disk type='file' device='disk'>
                  <source file='/images/second.raw'/>
                  <target dev='vdb' bus='virtio'/>
                </disk>
              </devices>
              <seclabel type='static' model='selinux' relabel='no'>
                <label>system_u:system_r:svirt_t:s0:c5,c6</label>
              </seclabel>
              <qemu:commandline>
                <qemu:arg value='-no-user-config'/>
              </qemu:commandline>
            </domain>
            """;

    private static final SecLabel PINNED = SecLabel.fixed("selinux", "system_u:system_r:svirt_t:s0:c7,c8", true);

    @Test
    void theDomainsSeclabelsAreReplaced() {
        String patched = DomainXml.withSecLabels(LIVE, List.of(PINNED, SecLabel.dynamic("dac")));
        assertEquals(List.of(PINNED, SecLabel.dynamic("dac")), DomainXml.parse(patched).seclabels());
        assertFalse(patched.contains("c471,c901"), patched);
    }

    @Test
    void everythingButTheSeclabelsIsTheSameTree() throws Exception {
        for (String original : List.of(LIVE, WITH_EXTRAS)) {
            String patched = DomainXml.withSecLabels(original, List.of(PINNED));
            Document before = withoutSeclabels(original);
            Document after = withoutSeclabels(patched);
            assertTrue(before.getDocumentElement().isEqualNode(after.getDocumentElement()),
                    "unmodelled content changed:\n" + patched);
        }
    }

    @Test
    void commentsUnknownElementsAndDeviceOrderSurvive() {
        String patched = DomainXml.withSecLabels(WITH_EXTRAS, List.of(PINNED));
        assertTrue(patched.contains("<!-- hand-tuned by the admin: keep -->"), patched);
        assertTrue(patched.contains("<qemu:arg value=\"-no-user-config\"/>"), patched);
        assertTrue(patched.contains("/images/odd&#10;name.qcow2"), "a newline in a path stays a reference");
        int first = patched.indexOf("/images/odd");
        int watchdog = patched.indexOf("<watchdog");
        int second = patched.indexOf("/images/second.raw");
        assertTrue(first < watchdog && watchdog < second, patched);
        assertTrue(patched.indexOf("</devices>") < patched.indexOf("<seclabel"), patched);
        assertTrue(patched.indexOf("<seclabel") < patched.indexOf("<qemu:commandline"), patched);
    }

    @Test
    void seclabelsAreAddedAfterTheDevicesWhenThereWereNone() {
        String patched = DomainXml.withSecLabels(Fixtures.read("domain/test-default.xml"), List.of(PINNED));
        assertEquals(List.of(PINNED), DomainXml.parse(patched).seclabels());
        int devicesEnd = patched.indexOf("</devices>");
        int seclabel = patched.indexOf("<seclabel");
        assertTrue(devicesEnd < seclabel && seclabel < patched.indexOf("</domain>"), patched);
        assertTrue(patched.contains("</devices>\n  <seclabel"), "indented like its siblings:\n" + patched);
    }

    @Test
    void anEmptyListRemovesTheSeclabels() {
        String patched = DomainXml.withSecLabels(LIVE, List.of());
        assertTrue(DomainXml.parse(patched).seclabels().isEmpty());
        assertFalse(patched.contains("seclabel"), patched);
    }

    @Test
    void seclabelsInsideDeviceSourcesAreNotTouched() {
        String patched = DomainXml.withSecLabels(Fixtures.read("domain/overrides.xml"), List.of(SecLabel.none("selinux")));
        DomainSpec spec = DomainXml.parse(patched);
        assertEquals(List.of(SecLabel.none("selinux")), spec.seclabels());
        assertEquals(Optional.of(false), spec.disks().get(0).seclabels().get(0).relabel());
        assertEquals(2, spec.disks().get(1).seclabels().size());
    }

    @Test
    void compactXmlStaysCompact() {
        String patched = DomainXml.withSecLabels(
                "<domain type='test'><name>a</name><uuid>u</uuid><devices/><seclabel type='none'/></domain>",
                List.of(SecLabel.dynamic("selinux")));
        assertEquals("<domain type=\"test\"><name>a</name><uuid>u</uuid><devices/>"
                + "<seclabel model=\"selinux\" type=\"dynamic\"/></domain>", patched);
    }

    @Test
    void malformedXmlOrAnotherDocumentIsRefused() {
        assertThrows(DomainXmlException.class, () -> DomainXml.withSecLabels("<domain>", List.of(PINNED)));
        assertThrows(DomainXmlException.class,
                () -> DomainXml.withSecLabels("<network><name>n</name></network>", List.of(PINNED)));
        assertThrows(DomainXmlException.class, () -> DomainXml.withSecLabels(
                "<!DOCTYPE domain [<!ENTITY x 'y'>]><domain><name>&x;</name></domain>", List.of(PINNED)));
    }

    @Test
    void seclabelsLibvirtWouldRejectAreRefused() {
        assertThrows(DomainXmlException.class,
                () -> DomainXml.withSecLabels(LIVE, List.of(PINNED, SecLabel.dynamic("selinux"))));
    }

    private static Document withoutSeclabels(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        Element domain = document.getDocumentElement();
        for (Node n = domain.getFirstChild(); n != null; ) {
            Node next = n.getNextSibling();
            if (n instanceof Element e && e.getTagName().equals("seclabel")) {
                Node previous = e.getPreviousSibling();
                if (previous != null && previous.getNodeType() == Node.TEXT_NODE && previous.getNodeValue().isBlank()) {
                    domain.removeChild(previous);
                }
                domain.removeChild(e);
            }
            n = next;
        }
        return document;
    }
}
