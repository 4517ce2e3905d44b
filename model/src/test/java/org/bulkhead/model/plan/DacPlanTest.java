package org.bulkhead.model.plan;

import static org.bulkhead.model.plan.PlanFixtures.BASES;
import static org.bulkhead.model.plan.PlanFixtures.devices;
import static org.bulkhead.model.plan.PlanFixtures.domain;
import static org.bulkhead.model.plan.PlanFixtures.fileDisk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.plan.ResourceLabel.Action;
import org.junit.jupiter.api.Test;

class DacPlanTest {

    private static final String PER_VM = """
            <seclabel type='static' model='dac' relabel='yes'><label>+200001:+64055</label></seclabel>""";

    private static ResourceLabelPlan plan(DomainSpec domain) {
        return ResourceLabelPlan.compute(domain, PlanContext.forDomain(domain, SecurityModel.DAC, BASES));
    }

    @Test
    void everyDiskAndEveryLayerOfItsChainIsChownedToTheDomainsOwner() {
        DomainSpec domain = devices(
                fileDisk("/top.qcow2", "vda", "<backingStore type='file'><source file='/base.qcow2'/></backingStore>")
                        + fileDisk("/shared.raw", "vdb", "<shareable/>")
                        + fileDisk("/ro.raw", "vdc", "<readonly/>")
                        + "<disk type='file' device='cdrom'><source file='/i.iso'/><target dev='sda'/><readonly/></disk>",
                PER_VM);
        ResourceLabelPlan plan = plan(domain);
        assertEquals(5, plan.resources().size());
        for (ResourceLabel resource : plan.resources()) {
            assertEquals(Action.RELABEL, resource.action());
            assertEquals(Optional.of("+200001:+64055"), resource.label(), resource.toString());
        }
    }

    @Test
    void bootFilesNvramChardevsAndConnectSocketsGetTheOwnerToo() {
        DomainSpec domain = domain("<kernel>/boot/vmlinuz</kernel><nvram>/nv/vm1_VARS.fd</nvram>",
                "<serial type='file'><source path='/s.log'/></serial>"
                        + "<channel type='unix'><source mode='connect' path='/c.sock'/></channel>", PER_VM);
        assertTrue(plan(domain).resources().stream().allMatch(r -> r.label().equals(Optional.of("+200001:+64055"))));
    }

    @Test
    void aDynamicDacDomainRunsAsLibvirtsQemuUser() {
        DomainSpec domain = devices(fileDisk("/a.qcow2", "vda", ""), "");
        ResourceLabel vda = plan(domain).resources().get(0);
        assertEquals(Optional.of("+64055:+64055"), vda.label());
        assertTrue(vda.reason().contains("qemu.conf"), vda.reason());
    }

    @Test
    void theLiveDacImageLabelWinsOverTheHostDefault() {
        DomainSpec domain = devices(fileDisk("/a.qcow2", "vda", ""),
                "<seclabel type='dynamic' model='dac' relabel='yes'><label>+107:+107</label>"
                        + "<imagelabel>+107:+107</imagelabel></seclabel>");
        assertEquals(Optional.of("+107:+107"), plan(domain).resources().get(0).label());
    }

    @Test
    void dacOverridesApplyAndSelinuxOverridesDoNot() {
        DomainSpec domain = devices(
                "<disk type='file' device='disk'><source file='/keep.raw'><seclabel model='dac' relabel='no'/></source>"
                        + "<target dev='vda'/></disk>"
                        + "<disk type='file' device='disk'><source file='/own.raw'><seclabel model='dac'>"
                        + "<label>+300:+300</label></seclabel></source><target dev='vdb'/></disk>"
                        + "<disk type='file' device='disk'><source file='/other.raw'><seclabel model='selinux' relabel='no'/>"
                        + "</source><target dev='vdc'/></disk>", PER_VM);
        List<ResourceLabel> resources = plan(domain).resources();
        assertEquals(Action.LEAVE_ALONE, resources.get(0).action());
        assertEquals(Optional.of("+300:+300"), resources.get(1).label());
        assertEquals(Optional.of("+200001:+64055"), resources.get(2).label());
    }

    @Test
    void aStaticDacLabelWithoutRelabelLeavesOwnershipAlone() {
        DomainSpec domain = devices(fileDisk("/a.qcow2", "vda", ""),
                "<seclabel type='static' model='dac'><label>+200001:+64055</label></seclabel>");
        ResourceLabel vda = plan(domain).resources().get(0);
        assertEquals(Action.LEAVE_ALONE, vda.action());
        assertTrue(vda.reason().contains("relabel"), vda.reason());
    }

    @Test
    void aDacDeviceLabelThatIsNotUserColonGroupIsRefusedInThePlan() {
        DomainSpec domain = devices(
                "<disk type='file' device='disk'><source file='/own.raw'><seclabel model='dac'>"
                        + "<label>+3x0:+300</label></seclabel></source><target dev='vda'/></disk>", PER_VM);
        ResourceLabel vda = plan(domain).resources().get(0);
        assertEquals(Optional.empty(), vda.label());
        assertTrue(vda.reason().contains("is refused") && vda.reason().contains("not a valid dac label"), vda.reason());
        assertTrue(vda.reason().contains("numeric ID"), vda.reason());
    }
}
