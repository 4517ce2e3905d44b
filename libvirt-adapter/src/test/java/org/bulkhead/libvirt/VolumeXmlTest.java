package org.bulkhead.libvirt;

import org.bulkhead.model.xml.SafeXml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bulkhead.model.hypervisor.VolumeRequest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class VolumeXmlTest {

    @Test
    void aHostileNameStaysOneNameElement() {
        String name = "x</name><target><path>/etc/shadow</path></target><name>y & 'z'";
        Document parsed = SafeXml.parse(VolumeXml.of(new VolumeRequest("p", name, 1024, "qcow2", -1)), "test");

        assertEquals(name, parsed.getElementsByTagName("name").item(0).getTextContent());
        assertEquals(1, parsed.getElementsByTagName("name").getLength());
        assertEquals(0, parsed.getElementsByTagName("path").getLength());
    }

    @Test
    void theModeIsWrittenInOctalOnlyWhenGiven() {
        String isolated = VolumeXml.of(new VolumeRequest("p", "a", 1024, "qcow2", 0600));
        String pooled = VolumeXml.of(new VolumeRequest("p", "a", 1024, "raw", -1));

        assertTrue(isolated.contains("<permissions><mode>0600</mode></permissions>"), isolated);
        assertTrue(isolated.contains("<format type=\"qcow2\"/>"), isolated);
        assertFalse(pooled.contains("permissions"), pooled);
        assertTrue(pooled.contains("<capacity unit=\"bytes\">1024</capacity>"), pooled);
    }

    @Test
    void onlyQcow2AndRawAreAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VolumeXml.of(new VolumeRequest("p", "a", 1024, "vmdk", -1)));
        assertTrue(e.getMessage().contains("vmdk"));
        assertThrows(IllegalArgumentException.class, () -> VolumeXml.of(new VolumeRequest("p", "a", 1024, "raw", 010000)));
    }
}
