package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** test:///path/node.xml: a hand-made host, the cheap way to build fixtures. */
class CustomNodeTest {

    @Test
    void everyDomainOfACustomNodeIsListedWithItsState(@TempDir Path dir) throws IOException {
        Path node = dir.resolve("node.xml");
        Files.writeString(node, """
                <node>
                  %s
                  %s
                  %s
                  <pool type='dir'><name>images</name><target><path>/images</path></target></pool>
                </node>
                """.formatted(domain("web", "11111111-1111-1111-1111-111111111111", ""),
                domain("db", "22222222-2222-2222-2222-222222222222", ""),
                domain("spare", "33333333-3333-3333-3333-333333333333", "<test:runstate>5</test:runstate>")));

        try (LibvirtConnection connection = new LibvirtHypervisor().open("test://" + node)) {
            Map<String, DomainRecord> byName = connection.listDomains().stream()
                    .collect(Collectors.toMap(DomainRecord::name, r -> r));

            assertEquals(List.of("db", "spare", "web"), byName.keySet().stream().sorted().toList());
            assertEquals(DomainState.RUNNING, byName.get("web").state());
            assertEquals(DomainState.RUNNING, byName.get("db").state());
            assertEquals(DomainState.SHUT_OFF, byName.get("spare").state());
            assertEquals("33333333-3333-3333-3333-333333333333", byName.get("spare").uuid());
            assertTrue(byName.get("db").xml().contains("s0:c3,c4"), byName.get("db").xml());
            assertEquals(2, connection.sampleStats().size(), "statistics cover the running domains only");
        }
    }

    private static String domain(String name, String uuid, String extra) {
        int category = name.length();
        return """
                <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
                  <name>%s</name><uuid>%s</uuid><memory unit='MiB'>64</memory>
                  <os><type>hvm</type></os>
                  <seclabel type='static' model='testSecurity' relabel='no'>
                    <label>system_u:system_r:svirt_t:s0:c%d,c%d</label>
                  </seclabel>
                  %s
                </domain>""".formatted(name, uuid, category + 1, category + 2, extra);
    }
}
