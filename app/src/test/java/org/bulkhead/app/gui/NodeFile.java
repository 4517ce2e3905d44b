package org.bulkhead.app.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A libvirt test-driver host written to a file: domains with given labels and states, pools with volumes. */
final class NodeFile {

    private static int serial;

    private NodeFile() {
    }

    /** Writes the node and returns its test:// URI. */
    static String write(Path dir, String name, String... parts) throws IOException {
        Path file = dir.resolve(name + ".xml");
        Files.writeString(file, "<node>\n" + String.join("\n", parts) + "\n</node>\n");
        return "test://" + file;
    }

    /** A domain with a static testSecurity label, running or "shut off", with these disk files. */
    static String domain(String name, String label, String state, String... disks) {
        StringBuilder devices = new StringBuilder();
        char target = 'a';
        for (String disk : disks) {
            devices.append("<disk type='file' device='disk'><source file='").append(disk)
                    .append("'/><target dev='vd").append(target++).append("' bus='virtio'/></disk>");
        }
        return """
                <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
                  <name>%s</name><uuid>%s</uuid><memory unit='MiB'>256</memory><os><type>hvm</type></os>
                  <devices>%s</devices>
                  <seclabel type='static' model='testSecurity' relabel='no'><label>%s</label></seclabel>
                  %s
                </domain>""".formatted(name, "6a1e0000-0000-4000-9000-%012d".formatted(++serial), devices, label,
                state.equals("running") ? "" : "<test:runstate>5</test:runstate>");
    }

    /** A running directory pool at /NAME holding these volumes (file names). */
    static String pool(String name, String... volumes) {
        StringBuilder content = new StringBuilder();
        for (String volume : volumes) {
            content.append("<volume type='file'><name>").append(volume).append("</name><key>/").append(name).append('/')
                    .append(volume).append("</key><capacity>1048576</capacity><allocation>0</allocation><target><path>/")
                    .append(name).append('/').append(volume).append("</path></target></volume>");
        }
        return """
                <pool type='dir'><name>%s</name><uuid>%s</uuid>
                  <capacity>107374182400</capacity><allocation>0</allocation><available>107374182400</available>
                  <target><path>/%s</path></target>%s</pool>""".formatted(name,
                "6a1e0000-0000-4000-a000-%012d".formatted(++serial), name, content);
    }
}
