package org.bulkhead.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.testing.Commands;
import org.junit.jupiter.api.Assumptions;

/**
 * A storage pool of one real-daemon test's own on {@code bulkhead.libvirt.uri}, and the clean-up
 * that removes every domain named with the test's prefix, the pool and its folder, checking
 * that no volume was left behind. Skips the test when no real libvirtd is configured.
 */
final class RealPool implements AutoCloseable {

    final String prefix;
    final String uri;
    final String name;
    final Path dir;
    final HypervisorConnection check;
    private boolean filesOfItsOwn;

    private RealPool(String prefix, String uri, HypervisorConnection check) {
        this.prefix = prefix;
        this.uri = uri;
        this.name = prefix + "-pool";
        this.dir = Path.of("/var/lib/libvirt/images", name);
        this.check = check;
    }

    /** @param what a word for the test's domains, part of their unique prefix */
    static RealPool create(String what) throws Exception {
        String uri = System.getProperty("bulkhead.libvirt.uri", "");
        Assumptions.assumeFalse(uri.isBlank(), "bulkhead.libvirt.uri is not set: no real libvirtd to create on");
        HypervisorConnection check = new LibvirtHypervisor().open(uri);
        RealPool pool = new RealPool("bh-" + what + "-" + UUID.randomUUID().toString().substring(0, 8), uri, check);
        assertTrue(check.hostInfo().local(), "these tests read files and processes on this host");
        Commands.Result created = Commands.run("virsh", "-c", uri, "pool-create-as", pool.name, "dir", "--target",
                pool.dir.toString(), "--build");
        assertEquals(0, created.exitCode(), created.output());
        // Each VM's own UID must traverse the pool's directory to reach its image.
        assertEquals(0, Commands.run("chmod", "0711", pool.dir.toString()).exitCode());
        return pool;
    }

    /** The test puts files of its own in the pool (an ISO, a link): they are removed, not counted as left over. */
    RealPool withFilesOfItsOwn() {
        filesOfItsOwn = true;
        return this;
    }

    boolean defined(String domain) {
        return check.listDomains().stream().anyMatch(d -> d.name().equals(domain));
    }

    DomainRecord domain(String domain) {
        return check.listDomains().stream().filter(d -> d.name().equals(domain)).findFirst().orElseThrow();
    }

    @Override
    public void close() throws Exception {
        List<String> problems = new ArrayList<>();
        try {
            for (DomainRecord domain : check.listDomains()) {
                if (domain.name().startsWith(prefix)) {
                    if (domain.state().isActive()) {
                        check.destroy(domain.uuid());
                    }
                    check.undefine(domain.uuid(), true);
                }
            }
        } finally {
            Commands.Result destroyed = Commands.run("virsh", "-c", uri, "pool-destroy", name);
            if (destroyed.exitCode() != 0) {
                problems.add(destroyed.output());
            }
            try (var files = Files.list(dir)) {
                if (!filesOfItsOwn) {
                    assertEquals(List.of(), files.toList(), "no volume is left in the pool");
                }
            } finally {
                Commands.run("rm", "-rf", dir.toString());
                check.close();
            }
        }
        assertEquals(List.of(), problems);
    }
}
