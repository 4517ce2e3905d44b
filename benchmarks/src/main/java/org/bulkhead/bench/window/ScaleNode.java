package org.bulkhead.bench.window;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a libvirt test-driver node file ({@code test:///ABS/PATH/node.xml}) with many domains,
 * so the main window can be measured at the scale ARCHITECTURE.md budgets for. The mix is seeded,
 * so every run sees the same host: mostly running domains, some paused, shut off and crashed;
 * static labels with unique MCS pairs, dynamic labels, a shared {@code s0} label, unconfined
 * domains; one to three disks each, some with a CD-ROM.
 *
 * <pre>java ... org.bulkhead.bench.window.ScaleNode OUT.xml [DOMAINS [SEED]]</pre>
 */
public final class ScaleNode {

    /** libvirt's test-driver namespace: {@code <test:runstate>} sets the state at load time. */
    private static final String TEST_NS = "http://libvirt.org/schemas/domain/test/1.0";
    // virDomainState codes the test driver accepts in <test:runstate>.
    private static final int RUNNING = 1;
    private static final int PAUSED = 3;
    private static final int SHUTOFF = 5;
    private static final int CRASHED = 6;

    private ScaleNode() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: ScaleNode OUT.xml [DOMAINS [SEED]]");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        int domains = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
        write(out, domains, seed);
        System.out.println("test://" + out);
    }

    /** Writes the node file and returns its {@code test://} URI. */
    public static String write(Path out, int domains, long seed) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Random random = new Random(seed);
        Set<Long> pairsUsed = new HashSet<>();
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write("<node>\n");
            for (int i = 0; i < domains; i++) {
                writer.write(domain(i, random, pairsUsed));
            }
            writer.write("  <pool type='dir'><name>images</name><uuid>"
                    + new UUID(seed, -1).toString()
                    + "</uuid><target><path>/var/lib/libvirt/images</path></target></pool>\n");
            writer.write("</node>\n");
        }
        return "test://" + out.toAbsolutePath();
    }

    private static String domain(int index, Random random, Set<Long> pairsUsed) {
        String name = String.format(Locale.ROOT, "vm%05d", index);
        String uuid = new UUID(0xb0b0_0000_0000_0000L | index, random.nextLong()).toString();
        int state = state(random.nextInt(100));
        StringBuilder xml = new StringBuilder(1024);
        xml.append("  <domain type='test' xmlns:test='").append(TEST_NS).append("'>\n")
                .append("    <name>").append(name).append("</name>\n")
                .append("    <uuid>").append(uuid).append("</uuid>\n")
                .append("    <memory unit='MiB'>").append(256 << random.nextInt(4)).append("</memory>\n")
                .append("    <vcpu>").append(1 + random.nextInt(4)).append("</vcpu>\n")
                .append("    <os><type arch='x86_64'>hvm</type></os>\n")
                .append("    <devices>\n");
        int disks = 1 + random.nextInt(3);
        for (int d = 0; d < disks; d++) {
            xml.append("      <disk type='file' device='disk'><driver name='qemu' type='qcow2'/>")
                    .append("<source file='/var/lib/libvirt/images/").append(name).append('-').append(d)
                    .append(".qcow2'/><target dev='vd").append((char) ('a' + d)).append("' bus='virtio'/></disk>\n");
        }
        if (random.nextInt(5) == 0) {
            xml.append("      <disk type='file' device='cdrom'><source file='/var/lib/libvirt/isos/installer.iso'/>")
                    .append("<target dev='sda' bus='sata'/><readonly/></disk>\n");
        }
        xml.append("    </devices>\n")
                .append(seclabel(random, pairsUsed))
                .append("    <test:runstate>").append(state).append("</test:runstate>\n")
                .append("  </domain>\n");
        return xml.toString();
    }

    private static int state(int roll) {
        if (roll < 60) {
            return RUNNING;
        }
        if (roll < 70) {
            return PAUSED;
        }
        if (roll < 98) {
            return SHUTOFF;
        }
        return CRASHED;
    }

    /** 45% static unique pair, 40% dynamic with a unique pair, 10% shared s0, 5% unconfined. */
    private static String seclabel(Random random, Set<Long> pairsUsed) {
        int roll = random.nextInt(100);
        if (roll < 85) {
            String type = roll < 45 ? "static" : "dynamic";
            return "    <seclabel type='" + type + "' model='testSecurity' relabel='yes'>"
                    + "<label>system_u:system_r:svirt_t:s0:" + uniquePair(random, pairsUsed) + "</label></seclabel>\n";
        }
        if (roll < 95) {
            return "    <seclabel type='static' model='testSecurity' relabel='no'>"
                    + "<label>system_u:system_r:svirt_t:s0</label></seclabel>\n";
        }
        return "    <seclabel type='none' model='testSecurity'/>\n";
    }

    private static String uniquePair(Random random, Set<Long> pairsUsed) {
        while (true) {
            int a = random.nextInt(1024);
            int b = random.nextInt(1024);
            if (a == b) {
                continue;
            }
            int low = Math.min(a, b);
            int high = Math.max(a, b);
            if (pairsUsed.add(((long) low << 32) | high)) {
                return "c" + low + ",c" + high;
            }
        }
    }
}
