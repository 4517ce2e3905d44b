package org.bulkhead.ui.details;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.bulkhead.model.domain.Disk;
import org.bulkhead.model.domain.DomainOverview;
import org.bulkhead.model.domain.DomainXmlException;
import org.bulkhead.model.domain.Graphics;
import org.bulkhead.model.osinfo.OsCatalog;
import org.bulkhead.model.store.DomainSnapshot;

/** The Overview tab's facts about the machine itself: memory, vCPUs, system, network, disks, graphics. */
final class Overview {

    private Overview() {
    }

    static List<DetailsViewModel.Fact> facts(DomainSnapshot snapshot) {
        List<DetailsViewModel.Fact> list = new ArrayList<>();
        DomainOverview overview;
        List<Graphics> graphics;
        try {
            overview = DomainOverview.of(snapshot.record().xml());
            graphics = Graphics.of(snapshot.record().xml());
        } catch (DomainXmlException e) {
            list.add(new DetailsViewModel.Fact("Machine", "Its XML could not be read: " + e.getMessage()));
            return list;
        }
        list.add(new DetailsViewModel.Fact("Operating system", overview.osId()
                .map(id -> OsCatalog.loaded().flatMap(c -> c.byId(id)).map(os -> os.name() + " (" + id + ")").orElse(id))
                .orElse("not recorded (no libosinfo metadata)")));
        list.add(new DetailsViewModel.Fact("Memory", overview.memoryKiB().isPresent()
                ? overview.memoryKiB().getAsLong() / 1024 + " MiB" : "not stated"));
        list.add(new DetailsViewModel.Fact("Virtual CPUs", overview.vcpus().isPresent()
                ? Integer.toString(overview.vcpus().getAsInt()) : "not stated"));
        list.add(new DetailsViewModel.Fact("Network", overview.nics().isEmpty() ? "none"
                : overview.nics().stream().map(n -> n.attachment() + n.model().map(m -> " (" + m + ")").orElse("")
                        + n.mac().map(m -> ", MAC " + m).orElse("")).collect(Collectors.joining("; "))));
        List<Disk> disks = snapshot.spec().disks();
        list.add(new DetailsViewModel.Fact("Disks", disks.isEmpty() ? "none" : disks.stream()
                .map(d -> d.targetDev() + " (" + d.device() + "): " + DetailsViewModel.diskRow(d).source())
                .collect(Collectors.joining("; "))));
        list.add(new DetailsViewModel.Fact("Graphics", graphics.isEmpty() ? "none: no screen to show"
                : graphics.stream().map(Overview::describe).collect(Collectors.joining("; "))));
        return list;
    }

    private static String describe(Graphics g) {
        String type = g.type().toUpperCase(java.util.Locale.ROOT);
        return switch (g.listen()) {
            case SOCKET -> type + " on a UNIX socket" + g.socket().map(s -> " (" + s + ")").orElse("") + ": no network port";
            case NONE -> type + " with no listener: reached only through libvirt";
            case NETWORK, ADDRESS -> type + " listening on " + g.address().orElse("all addresses")
                    + g.port().stream().mapToObj(p -> " port " + p).findFirst().orElse(" (port chosen at start)")
                    + (g.password() ? ", with a password" : "");
        };
    }
}
