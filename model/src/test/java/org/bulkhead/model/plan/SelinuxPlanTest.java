package org.bulkhead.model.plan;

import static org.bulkhead.model.plan.PlanFixtures.BASES;
import static org.bulkhead.model.plan.PlanFixtures.CONTENT;
import static org.bulkhead.model.plan.PlanFixtures.IMAGE;
import static org.bulkhead.model.plan.PlanFixtures.IMAGE_BASE;
import static org.bulkhead.model.plan.PlanFixtures.LIVE_SELINUX;
import static org.bulkhead.model.plan.PlanFixtures.devices;
import static org.bulkhead.model.plan.PlanFixtures.domain;
import static org.bulkhead.model.plan.PlanFixtures.fileDisk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.plan.Resource.Kind;
import org.bulkhead.model.plan.ResourceLabel.Action;
import org.junit.jupiter.api.Test;

class SelinuxPlanTest {

    private static ResourceLabelPlan plan(DomainSpec domain) {
        return ResourceLabelPlan.compute(domain, PlanContext.forDomain(domain, SecurityModel.SELINUX, BASES));
    }

    private static ResourceLabel only(String devicesXml) {
        List<ResourceLabel> resources = plan(devices(devicesXml, LIVE_SELINUX)).resources();
        assertEquals(1, resources.size(), resources.toString());
        return resources.get(0);
    }

    private static ResourceLabel at(ResourceLabelPlan plan, String path) {
        return plan.resources().stream().filter(r -> r.resource().path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void aReadWriteDiskGetsTheDomainsImageLabel() {
        ResourceLabel vda = only(fileDisk("/plain.qcow2", "vda", ""));
        assertEquals(Action.RELABEL, vda.action());
        assertEquals(Optional.of(IMAGE), vda.label());
        assertEquals(new Resource(Kind.DISK, "/plain.qcow2", "vda (qcow2, read-write)"), vda.resource());
    }

    @Test
    void aShareableDiskGetsTheBaseImageContextWithoutCategories() {
        ResourceLabel shared = only(fileDisk("/shared.raw", "vdb", "<shareable/>"));
        assertEquals(Action.RELABEL, shared.action());
        assertEquals(Optional.of(IMAGE_BASE), shared.label());
    }

    @Test
    void aReadOnlyDiskGetsTheContentContext() {
        assertEquals(Optional.of(CONTENT), only(fileDisk("/readonly.raw", "vdc", "<readonly/>")).label());
    }

    @Test
    void aCdromGetsTheContentContext() {
        ResourceLabel cdrom = only("<disk type='file' device='cdrom'><source file='/install.iso'/>"
                + "<target dev='sda' bus='sata'/><readonly/></disk>");
        assertEquals(Kind.CDROM, cdrom.resource().kind());
        assertEquals(Optional.of(CONTENT), cdrom.label());
    }

    @Test
    void everyBackingLayerBelowTheTopGetsTheContentContext() {
        ResourceLabelPlan plan = plan(devices(fileDisk("/top.qcow2", "vda",
                "<backingStore type='file'><format type='qcow2'/><source file='/mid.qcow2'/>"
                        + "<backingStore type='file'><format type='raw'/><source file='/base.raw'/><backingStore/>"
                        + "</backingStore></backingStore>"), LIVE_SELINUX));
        assertEquals(List.of(Optional.of(IMAGE), Optional.of(CONTENT), Optional.of(CONTENT)),
                plan.resources().stream().map(ResourceLabel::label).toList());
        assertEquals(Kind.BACKING, at(plan, "/base.raw").resource().kind());
        assertEquals("vda backing layer 2 (raw)", at(plan, "/base.raw").resource().description());
    }

    @Test
    void aDiskWithRelabelNoIsLeftAloneAndSoIsItsChain() {
        ResourceLabelPlan plan = plan(devices(
                "<disk type='file' device='disk'><source file='/nolabel.qcow2'><seclabel model='selinux' relabel='no'/>"
                        + "</source><backingStore type='file'><source file='/nolabel-base.qcow2'/></backingStore>"
                        + "<target dev='vdd'/></disk>", LIVE_SELINUX));
        assertEquals(Action.LEAVE_ALONE, at(plan, "/nolabel.qcow2").action());
        assertEquals(Optional.empty(), at(plan, "/nolabel.qcow2").label());
        assertEquals(Action.LEAVE_ALONE, at(plan, "/nolabel-base.qcow2").action());
        assertTrue(at(plan, "/nolabel-base.qcow2").reason().contains("top disk's"), at(plan, "/nolabel-base.qcow2").reason());
    }

    @Test
    void aDiskWithItsOwnLabelGetsThatLabelAndSoDoesItsChain() {
        String custom = "system_u:object_r:svirt_image_custom_t:s0:c41,c264";
        ResourceLabelPlan plan = plan(devices(
                "<disk type='file' device='disk'><source file='/alt.qcow2'><seclabel model='selinux' relabel='yes'>"
                        + "<label>" + custom + "</label></seclabel></source>"
                        + "<backingStore type='file'><source file='/alt-base.qcow2'/></backingStore>"
                        + "<target dev='vde'/></disk>", LIVE_SELINUX));
        assertEquals(Optional.of(custom), at(plan, "/alt.qcow2").label());
        assertEquals(Optional.of(custom), at(plan, "/alt-base.qcow2").label());
    }

    @Test
    void anOverrideForAnotherModelDoesNotApply() {
        ResourceLabel vda = only("<disk type='file' device='disk'><source file='/a.qcow2'>"
                + "<seclabel model='dac' relabel='no'/></source><target dev='vda'/></disk>");
        assertEquals(Action.RELABEL, vda.action());
        assertEquals(Optional.of(IMAGE), vda.label());
    }

    @Test
    void kernelInitrdAndDtbGetTheContentContext() {
        ResourceLabelPlan plan = plan(domain("<kernel>/boot/vmlinuz</kernel><initrd>/boot/initrd.img</initrd>"
                + "<dtb>/boot/board.dtb</dtb>", "", LIVE_SELINUX));
        assertEquals(List.of(Kind.KERNEL, Kind.INITRD, Kind.DTB),
                plan.resources().stream().map(r -> r.resource().kind()).toList());
        assertTrue(plan.resources().stream().allMatch(r -> r.label().equals(Optional.of(CONTENT))));
    }

    @Test
    void nvramIsWrittenByQemuSoItGetsTheImageLabel() {
        ResourceLabelPlan plan = plan(domain("<nvram>/var/lib/libvirt/qemu/nvram/vm1_VARS.fd</nvram>", "", LIVE_SELINUX));
        ResourceLabel nvram = plan.resources().get(0);
        assertEquals(Kind.NVRAM, nvram.resource().kind());
        assertEquals(Optional.of(IMAGE), nvram.label());
    }

    @Test
    void fileePipeAndDeviceChardevsGetTheImageLabel() {
        ResourceLabelPlan plan = plan(devices("<serial type='file'><source path='/plain.txt'/></serial>"
                + "<serial type='pipe'><source path='/plain.fifo'/></serial>"
                + "<serial type='dev'><source path='/plain.dev'/></serial>", LIVE_SELINUX));
        assertEquals(3, plan.resources().size());
        for (ResourceLabel chardev : plan.resources()) {
            assertEquals(Kind.CHARDEV, chardev.resource().kind());
            assertEquals(Action.RELABEL, chardev.action());
            assertEquals(Optional.of(IMAGE), chardev.label());
        }
    }

    @Test
    void aUnixSocketQemuConnectsToGetsTheImageLabel() {
        ResourceLabel socket = only("<channel type='unix'><source mode='connect' path='/yes.sock'/></channel>");
        assertEquals(Kind.SOCKET, socket.resource().kind());
        assertEquals(Action.RELABEL, socket.action());
        assertEquals(Optional.of(IMAGE), socket.label());
    }

    @Test
    void aUnixSocketQemuBindsIsCreatedByQemu() {
        ResourceLabel socket = only("<serial type='unix'><source mode='bind' path='/plain.sock'/></serial>");
        assertEquals(Action.QEMU_CREATES, socket.action());
        assertEquals(Optional.empty(), socket.label());
    }

    @Test
    void aChardevWithRelabelNoOrItsOwnLabelFollowsIt() {
        String custom = "system_u:object_r:svirt_image_custom_t:s0:c41,c264";
        ResourceLabelPlan plan = plan(devices(
                "<serial type='unix'><source mode='connect' path='/nolabel.sock'><seclabel relabel='no' model='selinux'/>"
                        + "</source></serial><serial type='unix'><source mode='connect' path='/alt.sock'>"
                        + "<seclabel relabel='yes' model='selinux'><label>" + custom + "</label></seclabel></source></serial>",
                LIVE_SELINUX));
        assertEquals(Action.LEAVE_ALONE, at(plan, "/nolabel.sock").action());
        assertEquals(Optional.of(custom), at(plan, "/alt.sock").label());
    }

    @Test
    void ptysNetworkDisksAndDirectoriesAreNotRelabelled() {
        ResourceLabelPlan plan = plan(devices(
                "<disk type='network' device='disk'><source protocol='nbd' name='x'/><target dev='vda'/></disk>"
                        + "<disk type='dir' device='disk'><source dir='/srv/tree'/><target dev='hda'/></disk>"
                        + "<serial type='pty'><source path='/dev/pts/4'/></serial>", LIVE_SELINUX));
        assertEquals(List.of(Action.NOT_A_FILE, Action.LEAVE_ALONE, Action.NOT_A_FILE),
                plan.resources().stream().map(ResourceLabel::action).toList());
    }

    @Test
    void theConsoleThatMirrorsSerialZeroIsListedOnce() {
        ResourceLabelPlan plan = plan(devices("<serial type='file'><source path='/log/serial.log'/></serial>"
                + "<console type='file'><source path='/log/serial.log'/><target type='serial'/></console>", LIVE_SELINUX));
        assertEquals(1, plan.resources().size());
    }

    @Test
    void aStaticLabelWithoutRelabellingLeavesEveryFileAlone() {
        DomainSpec domain = domain("<kernel>/boot/vmlinuz</kernel>", fileDisk("/a.qcow2", "vda", "")
                + "<serial type='file'><source path='/s.log'/></serial>",
                "<seclabel type='static' model='selinux'><label>system_u:system_r:svirt_t:s0:c1,c2</label></seclabel>");
        ResourceLabelPlan plan = plan(domain);
        assertEquals(3, plan.resources().size());
        assertTrue(plan.resources().stream().allMatch(r -> r.action() == Action.LEAVE_ALONE), plan.toString());
    }

    @Test
    void aPinnedStaticLabelWithRelabellingGivesImagesItsCategories() {
        DomainSpec domain = devices(fileDisk("/a.qcow2", "vda", ""),
                "<seclabel type='static' model='selinux' relabel='yes'><label>system_u:system_r:svirt_t:s0:c7,c8</label></seclabel>");
        assertEquals(Optional.of("system_u:object_r:svirt_image_t:s0:c7,c8"), plan(domain).resources().get(0).label());
    }

    @Test
    void aPlannedDynamicDomainSaysItsImageLabelIsAllocatedAtStart() {
        DomainSpec domain = devices(fileDisk("/a.qcow2", "vda", "") + fileDisk("/ro.raw", "vdb", "<readonly/>"),
                "<seclabel type='dynamic' model='selinux'/>");
        ResourceLabelPlan plan = plan(domain);
        ResourceLabel vda = at(plan, "/a.qcow2");
        assertEquals(Action.RELABEL, vda.action());
        assertEquals(Optional.empty(), vda.label());
        assertTrue(vda.reason().contains("allocated by libvirt at start"), vda.reason());
        assertEquals(Optional.of(CONTENT), at(plan, "/ro.raw").label(), "shared contexts are known in advance");
    }

    @Test
    void aDomainWithoutSeclabelIsPlannedAsDynamicLikeLibvirtsDefault() {
        ResourceLabel vda = plan(devices(fileDisk("/a.qcow2", "vda", ""), "")).resources().get(0);
        assertEquals(Action.RELABEL, vda.action());
        assertTrue(vda.reason().contains("allocated by libvirt at start"), vda.reason());
    }

    @Test
    void theExpectedLabelIsTheRelabelledOneAndNothingForResourcesLeftAlone() {
        ResourceLabelPlan plan = plan(devices(fileDisk("/a.qcow2", "vda", "")
                + "<disk type='file' device='disk'><source file='/keep.raw'><seclabel model='selinux' relabel='no'/>"
                + "</source><target dev='vdb'/></disk>", LIVE_SELINUX));
        assertEquals(Optional.of(IMAGE), plan.expected(at(plan, "/a.qcow2").resource()));
        assertEquals(Optional.empty(), plan.expected(at(plan, "/keep.raw").resource()));
        assertEquals(Optional.empty(), plan.expected(new Resource(Kind.DISK, "/elsewhere", "vdz")));
    }

    @Test
    void aDeviceLabelWithAnInvalidCategoryIsRefusedInThePlanAndItsChainToo() {
        ResourceLabelPlan plan = plan(devices(
                "<disk type='file' device='disk'><source file='/bad.qcow2'><seclabel model='selinux' relabel='yes'>"
                        + "<label>system_u:object_r:svirt_image_t:s0:c1024</label></seclabel></source>"
                        + "<backingStore type='file'><source file='/bad-base.qcow2'/></backingStore>"
                        + "<target dev='vdf'/></disk>", LIVE_SELINUX));
        for (String path : List.of("/bad.qcow2", "/bad-base.qcow2")) {
            ResourceLabel refused = at(plan, path);
            assertEquals(Optional.empty(), refused.label(), "an invalid label is never planned for " + path);
            assertTrue(refused.reason().contains("is refused"), refused.reason());
            assertTrue(refused.reason().contains("'c1024'") && refused.reason().contains("c0 to c1023"),
                    "says which part is wrong and the rule: " + refused.reason());
            assertEquals(Optional.empty(), plan.expected(refused.resource()), "nothing to verify it against");
        }
    }

    @Test
    void aFourThousandCharacterDeviceLabelIsRefusedWithAReasonThatStaysShort() {
        String junk = "svirt_image_t".repeat(308).substring(0, 4000);
        ResourceLabel serial = only("<serial type='file'><source path='/var/log/vm1.serial'>"
                + "<seclabel model='selinux' relabel='yes'><label>" + junk + "</label></seclabel></source></serial>");
        assertEquals(Optional.empty(), serial.label());
        assertTrue(serial.reason().contains("is refused"), serial.reason());
        assertTrue(serial.reason().contains("4000 characters"), serial.reason());
        assertTrue(serial.reason().length() < 500, "the reason quotes only the start: " + serial.reason());
    }

    @Test
    void aValidDeviceLabelIsStillPlannedAsIs() {
        String custom = "system_u:object_r:virt_log_t:s0";
        ResourceLabel serial = only("<serial type='file'><source path='/var/log/vm1.serial'>"
                + "<seclabel model='selinux' relabel='yes'><label>" + custom + "</label></seclabel></source></serial>");
        assertEquals(Optional.of(custom), serial.label());
    }
}
