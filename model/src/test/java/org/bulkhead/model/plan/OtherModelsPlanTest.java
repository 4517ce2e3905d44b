package org.bulkhead.model.plan;

import static org.bulkhead.model.plan.PlanFixtures.BASES;
import static org.bulkhead.model.plan.PlanFixtures.LIVE_SELINUX;
import static org.bulkhead.model.plan.PlanFixtures.UUID;
import static org.bulkhead.model.plan.PlanFixtures.devices;
import static org.bulkhead.model.plan.PlanFixtures.fileDisk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.plan.ResourceLabel.Action;
import org.junit.jupiter.api.Test;

class OtherModelsPlanTest {

    private static final String DISKS = fileDisk("/a.qcow2", "vda", "") + fileDisk("/ro.raw", "vdb", "<readonly/>")
            + "<serial type='file'><source path='/s.log'/></serial>"
            + "<serial type='unix'><source mode='bind' path='/b.sock'/></serial>";

    private static ResourceLabelPlan plan(DomainSpec domain, SecurityModel model) {
        return ResourceLabelPlan.compute(domain, PlanContext.forDomain(domain, model, BASES));
    }

    @Test
    void withNoSecurityDriverNothingIsRelabelled() {
        ResourceLabelPlan plan = plan(devices(DISKS, LIVE_SELINUX), SecurityModel.NONE);
        assertEquals(List.of(Action.LEAVE_ALONE, Action.LEAVE_ALONE, Action.LEAVE_ALONE, Action.QEMU_CREATES),
                plan.resources().stream().map(ResourceLabel::action).toList());
        assertTrue(plan.resources().stream().allMatch(r -> r.label().isEmpty()));
    }

    @Test
    void aSeclabelOfTypeNoneLeavesTheDomainsFilesAlone() {
        DomainSpec domain = devices(DISKS, "<seclabel type='none' model='selinux'/>");
        ResourceLabelPlan plan = plan(domain, SecurityModel.SELINUX);
        assertEquals(Action.LEAVE_ALONE, plan.resources().get(0).action());
        assertTrue(plan.resources().get(0).reason().contains("type='none'"), plan.resources().get(0).reason());
        assertEquals(Optional.empty(), plan.expected(plan.resources().get(0).resource()));
    }

    @Test
    void aModelLessNoneSeclabelCountsForThePlannedModel() {
        ResourceLabelPlan plan = plan(devices(DISKS, "<seclabel type='none'/>"), SecurityModel.DAC);
        assertEquals(Action.LEAVE_ALONE, plan.resources().get(0).action());
    }

    @Test
    void apparmorConfinesThroughThePerVmProfileAndRelabelsNothing() {
        DomainSpec domain = devices(DISKS, "<seclabel type='dynamic' model='apparmor' relabel='yes'>"
                + "<label>libvirt-" + UUID + "</label><imagelabel>libvirt-" + UUID + "</imagelabel></seclabel>");
        ResourceLabelPlan plan = plan(domain, SecurityModel.APPARMOR);
        ResourceLabel vda = plan.resources().get(0);
        assertEquals(Action.LEAVE_ALONE, vda.action(), "AppArmor relabels no file");
        assertTrue(vda.reason().contains("libvirt-" + UUID), vda.reason());
        assertEquals(Optional.empty(), plan.expected(vda.resource()), "no label is expected on the file itself");
        // What the generated profile must list instead, as virt-aa-helper writes it.
        assertEquals(Optional.of("libvirt-" + UUID + " allows rw"), vda.label(), "read-write disk");
        assertEquals(Optional.of("libvirt-" + UUID + " allows r"), plan.resources().get(1).label(), "read-only disk");
        assertEquals(Optional.of("libvirt-" + UUID + " allows w"), plan.resources().get(2).label(), "output file");
        assertEquals(Action.QEMU_CREATES, plan.resources().get(3).action());
    }

    @Test
    void aStaticAppArmorProfileIsNotPlannedFileByFile() {
        DomainSpec domain = devices(DISKS, "<seclabel type='static' model='apparmor' relabel='no'>"
                + "<label>my-vms</label></seclabel>");
        ResourceLabel vda = plan(domain, SecurityModel.APPARMOR).resources().get(0);
        assertEquals(Optional.empty(), vda.label(), "Bulkhead does not know what a hand-written profile lists");
        assertTrue(vda.reason().contains("my-vms"), vda.reason());
    }

    @Test
    void theTestDriverIsPlannedLikeSelinuxWithItsSelinuxFormatLabel() {
        DomainSpec domain = devices(DISKS, "<seclabel type='static' model='testSecurity' relabel='yes'>"
                + "<label>system_u:system_r:svirt_t:s0:c3,c9</label></seclabel>");
        ResourceLabelPlan plan = plan(domain, SecurityModel.TEST);
        assertEquals(SecurityModel.TEST, plan.model());
        assertEquals(Optional.of("system_u:object_r:svirt_image_t:s0:c3,c9"), plan.resources().get(0).label());
        assertEquals(Optional.of(PlanFixtures.CONTENT), plan.resources().get(1).label());
    }

    @Test
    void withoutTheHostsBaseContextsTheSharedLabelsAreReportedUnknown() {
        DomainSpec domain = devices(fileDisk("/ro.raw", "vdb", "<readonly/>") + fileDisk("/s.raw", "vdc", "<shareable/>"),
                LIVE_SELINUX);
        ResourceLabelPlan plan = ResourceLabelPlan.compute(domain, PlanContext.forDomain(domain, SecurityModel.SELINUX, Map.of()));
        ResourceLabel readOnly = plan.resources().get(0);
        assertEquals(Optional.empty(), readOnly.label());
        assertTrue(readOnly.reason().contains("not known"), readOnly.reason());
        // the shared label can still be told from the image label: same context, no categories
        assertEquals(Optional.of("system_u:object_r:svirt_image_t:s0"), plan.resources().get(1).label());
    }

    @Test
    void theContextsLabelsWinOverTheDomainXml() {
        DomainSpec domain = devices(fileDisk("/a.qcow2", "vda", ""), LIVE_SELINUX);
        PlanContext ctx = PlanContext.of(SecurityModel.SELINUX, BASES)
                .withLabels(Optional.of("system_u:system_r:svirt_t:s0:c1,c2"), Optional.empty());
        assertEquals(Optional.of("system_u:object_r:svirt_image_t:s0:c1,c2"),
                ResourceLabelPlan.compute(domain, ctx).resources().get(0).label());
    }
}
