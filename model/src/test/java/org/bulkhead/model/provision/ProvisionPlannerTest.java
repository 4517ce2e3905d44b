package org.bulkhead.model.provision;

import org.bulkhead.model.osinfo.GuestOs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.hypervisor.NetworkInfo;
import org.bulkhead.model.hypervisor.StoragePoolInfo;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.ledger.LedgerConfig;
import org.bulkhead.model.plan.ResourceLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvisionPlannerTest {

    static final List<StoragePoolInfo> POOLS = List.of(new StoragePoolInfo("default", "dir", Optional.of("/pool"), true));
    private final LabelLedger ledger = new LabelLedger(LedgerConfig.defaults().withRandom(new Random(9)));

    static VmRequest request(String name, boolean isolated) {
        return new VmRequest(name, "qemu", new VmRequest.InstallSource.Iso("/isos/debian.iso"),
                new VmRequest.Storage.NewVolume("default", 1L << 30), 512, 1, Optional.of("default"), isolated,
                false, true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a'b\"c", "x<y>&z", "<seclabel type='none'><label>x", "]]>&amp;"})
    void hostileNamesStayNamesInTheXml(String name) {
        ProvisionDraft draft = ProvisionPlanner.draft(request(name, true), Hosts.dac(), ledger, POOLS);
        DomainSpec parsed = DomainXml.parse(draft.xml());
        assertEquals(name, parsed.name());
        assertEquals(1, parsed.seclabels().size(), draft.xml());
        assertEquals(Optional.of("dac"), parsed.seclabels().get(0).optionalModel());
        String volume = draft.volume().orElseThrow().name();
        assertTrue(volume.matches("[A-Za-z0-9._-]+\\.qcow2") && !volume.startsWith("."), volume);
    }

    @Test
    void onAHostWithoutPoolsTheDraftCreatesLibvirtsDefaultPoolAndStartsAStoppedNetwork() {
        HostSetup fresh = new HostSetup(List.of(), Optional.of(new StoragePoolInfo(HostSetup.DEFAULT_POOL, "dir",
                Optional.of(HostSetup.DEFAULT_POOL_PATH), false)), Optional.of(List.of(new NetworkInfo("default", false))));
        ProvisionDraft draft = ProvisionPlanner.draft(request("web", true), Hosts.dac(), ledger, fresh);

        assertEquals(Optional.of(HostSetup.DEFAULT_POOL), draft.preparation().createPool().map(StoragePoolInfo::name));
        assertEquals(Optional.of("default"), draft.preparation().startNetwork());
        assertTrue(draft.volumePath().orElseThrow().startsWith(HostSetup.DEFAULT_POOL_PATH + "/web-"));
        assertTrue(draft.preparation().commands().contains("virsh pool-define-as default dir --target "
                + HostSetup.DEFAULT_POOL_PATH), draft.preparation().commands());

        HostSetup ready = new HostSetup(POOLS, Optional.empty(), Optional.of(List.of(new NetworkInfo("default", true))));
        assertTrue(ProvisionPlanner.draft(request("db", true), Hosts.dac(), ledger, ready).preparation().isEmpty());
    }

    @Test
    void aMissingNetworkIsRefusedWithWhatToDoAndReservesNothing() {
        HostSetup noNetwork = new HostSetup(POOLS, Optional.empty(), Optional.of(List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProvisionPlanner.draft(request("web", true), Hosts.dac(), ledger, noNetwork));
        assertTrue(e.getMessage().contains("no network named 'default'") && e.getMessage().contains("no network"),
                e.getMessage());
        assertEquals(ledger.config().uidCount(), ledger.freeUids());
    }

    @Test
    void aNameWithALineBreakIsRefusedAndReservesNothing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProvisionPlanner.draft(request("two\nlines", true), Hosts.dac(), ledger, POOLS));
        assertTrue(e.getMessage().contains("line break"), e.getMessage());
        assertEquals(ledger.config().uidCount(), ledger.freeUids());
    }

    @Test
    void theSummaryShowsTheExactDacOwnerOfTheVmsFilesAPrivateVolumeAndAnIsoLeftAsItIs() {
        ProvisionDraft draft = ProvisionPlanner.draft(request("web", true), Hosts.dac(), ledger, POOLS);
        String label = draft.isolation().label().orElseThrow();
        assertEquals(0600, draft.volume().orElseThrow().mode());
        assertTrue(draft.volumePath().orElseThrow().startsWith("/pool/web-"));
        List<ResourceLabel> resources = draft.resourcePlan().resources().stream()
                .filter(r -> r.action() == ResourceLabel.Action.RELABEL).toList();
        assertEquals(1, resources.size(), "only the VM's own volume is handed to its UID");
        assertTrue(resources.stream().allMatch(r -> r.label().equals(Optional.of(label))), resources.toString());
        List<ResourceLabel> iso = draft.resourcePlan().resources().stream()
                .filter(r -> r.resource().path().endsWith(".iso")).toList();
        assertEquals(1, iso.size(), draft.resourcePlan().resources().toString());
        assertTrue(iso.get(0).action() != ResourceLabel.Action.RELABEL, iso.toString());
    }

    @Test
    void dynamicSelinuxSaysLibvirtAllocatesAtStart() {
        ProvisionDraft draft = ProvisionPlanner.draft(request("web", true), Hosts.selinux(), ledger, POOLS);
        assertEquals("libvirt will allocate a unique pair at start", draft.isolation().labelText());
        assertTrue(draft.xml().contains("<seclabel model=\"selinux\" type=\"dynamic\"")
                || draft.xml().contains("type=\"dynamic\""), draft.xml());
        assertFalse(draft.isolation().reserves());
    }

    @Test
    void anUnknownPoolIsNamed() {
        VmRequest request = new VmRequest("web", "qemu", new VmRequest.InstallSource.NetworkBoot(),
                new VmRequest.Storage.NewVolume("nope", 1L << 30), 512, 1, Optional.empty(), true, false, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProvisionPlanner.draft(request, Hosts.dac(), ledger, POOLS));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    }

    @Test
    void aSystemWithoutVirtioDriversGetsSataDisksAndAnE1000CardAndTheSystemIsNamedInTheMetadata() {
        GuestOs old = new GuestOs("http://example.org/old/1", "old1", "Old OS 1", "", "", "1", "", List.of(),
                GuestOs.Resources.UNKNOWN, GuestOs.Resources.UNKNOWN, java.util.Set.of());
        VmRequest plain = request("old", true);
        VmRequest request = new VmRequest(plain.name(), plain.virtType(), plain.source(), plain.storage(),
                plain.memoryMiB(), plain.vcpus(), plain.network(), true, false, true, Optional.of(old));
        String xml = ProvisionPlanner.draft(request, Hosts.dac(), ledger, POOLS).xml();

        assertTrue(xml.contains("<target bus=\"sata\" dev=\"sda\"/>") || xml.contains("dev=\"sda\" bus=\"sata\""), xml);
        assertTrue(xml.contains("dev=\"sdb\""), "the CD-ROM after the disk: " + xml);
        assertTrue(xml.contains("type=\"e1000\""), xml);
        assertTrue(xml.contains("<libosinfo:os id=\"http://example.org/old/1\"/>"), xml);
        assertTrue(xml.contains("xmlns:libosinfo=\"http://libosinfo.org/xmlns/libvirt/domain/1.0\""), xml);

        String unknown = ProvisionPlanner.draft(request("new", true), Hosts.dac(), ledger, POOLS).xml();
        assertTrue(unknown.contains("dev=\"vda\"") && unknown.contains("type=\"virtio\""), unknown);
        assertFalse(unknown.contains("libosinfo"), unknown);
    }
}
