package org.bulkhead.model.plan;

import java.util.Optional;

import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.plan.ResourceLabel.Action;

/** How one security driver treats the files of one domain. */
sealed interface LabelPolicy {

    ResourceLabel label(Site site);

    /** Nothing is relabelled: no driver, {@code type='none'}, or a static label without relabelling. */
    record Untouched(String why) implements LabelPolicy {
        @Override
        public ResourceLabel label(Site site) {
            return new ResourceLabel(site.resource(), Action.LEAVE_ALONE, Optional.empty(), site.what() + ": " + why);
        }
    }

    /**
     * AppArmor confines through a profile listing the files; their labels do not change. For a
     * profile libvirt generates, the planned "label" is the access it must list for the file
     * ({@link ProfileAccess}), following virt-aa-helper: read-write for what QEMU writes, read for
     * read-only disks, backing layers and boot files, write for an output file.
     */
    record AppArmorProfile(String profile, boolean generated) implements LabelPolicy {
        @Override
        public ResourceLabel label(Site site) {
            if (!generated) {
                return new ResourceLabel(site.resource(), Action.LEAVE_ALONE, Optional.empty(), site.what()
                        + ": the static AppArmor profile " + profile + " decides access; files are not relabelled");
            }
            String access = switch (site.use()) {
                case READ_ONLY, BACKING, BOOT_FILE -> "r";
                case CHARDEV_OUTPUT_FILE -> "w";
                default -> "rw";
            };
            return new ResourceLabel(site.resource(), Action.LEAVE_ALONE,
                    Optional.of(new ProfileAccess(profile, access).toString()), site.what() + ": the per-VM"
                            + " AppArmor profile " + profile + " lists it (" + access + "); files are not relabelled");
        }
    }

    /**
     * SELinux (and the test driver's SELinux-format labels) or DAC: files get labels at start.
     *
     * @param model the model whose label format a device's own {@code <label>} must follow
     */
    record Relabel(DriverLabels labels, SecurityModel model) implements LabelPolicy {
        @Override
        public ResourceLabel label(Site site) {
            String whose = site.inherited() ? "the top disk's" : "its own";
            if (site.override().isPresent()) {
                if (site.override().get().keepsLabel()) {
                    return new ResourceLabel(site.resource(), Action.LEAVE_ALONE, Optional.empty(),
                            site.what() + ": " + whose + " <seclabel relabel='no'> keeps its current label");
                }
                return ownLabel(site, whose, site.override().get().label().orElseThrow());
            }
            DriverLabels.Known known = switch (site.use()) {
                case READ_WRITE, NVRAM, SOCKET_CONNECT, CHARDEV_FILE, CHARDEV_OUTPUT_FILE -> labels.image();
                case SHARED -> labels.shared();
                case READ_ONLY, BACKING, BOOT_FILE -> labels.content();
                case SOCKET_BIND, DIRECTORY, NOT_A_FILE ->
                        throw new IllegalArgumentException("not a relabelled use: " + site.use());
            };
            String note = site.use() == Site.Use.CHARDEV_OUTPUT_FILE
                    ? " (unless virtlogd opens it for QEMU: qemu.conf stdio_handler='logd')" : "";
            return new ResourceLabel(site.resource(), Action.RELABEL, known.value(),
                    site.what() + ": " + known.source() + note);
        }

        // An invalid <label> is planned as no label with the reason: libvirt would fail the start on it.
        private ResourceLabel ownLabel(Site site, String whose, String label) {
            try {
                model.validateLabel(label);
            } catch (LabelFormatException e) {
                return new ResourceLabel(site.resource(), Action.RELABEL, Optional.empty(),
                        site.what() + ": the <label> of " + whose + " <seclabel> is refused, it is not a valid "
                                + model.libvirtName() + " label (" + e.getMessage() + "); libvirt would fail to"
                                + " start the VM with it, so correct or remove that <label>");
            }
            return new ResourceLabel(site.resource(), Action.RELABEL, Optional.of(label),
                    site.what() + ": the <label> of " + whose + " <seclabel>");
        }
    }
}
