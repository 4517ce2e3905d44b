package org.bulkhead.model.plan;

import java.util.Optional;

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

    /** AppArmor confines through a profile listing the files; their labels do not change. */
    record AppArmorProfile(String profile, boolean generated) implements LabelPolicy {
        @Override
        public ResourceLabel label(Site site) {
            String why = generated
                    ? "the per-VM AppArmor profile " + profile + " allows it; files are not relabelled"
                    : "the static AppArmor profile " + profile + " decides access; files are not relabelled";
            return new ResourceLabel(site.resource(), Action.LEAVE_ALONE, Optional.empty(), site.what() + ": " + why);
        }
    }

    /** SELinux (and the test driver's SELinux-format labels) or DAC: files get labels at start. */
    record Relabel(DriverLabels labels) implements LabelPolicy {
        @Override
        public ResourceLabel label(Site site) {
            String whose = site.inherited() ? "the top disk's" : "its own";
            if (site.override().isPresent()) {
                if (site.override().get().keepsLabel()) {
                    return new ResourceLabel(site.resource(), Action.LEAVE_ALONE, Optional.empty(),
                            site.what() + ": " + whose + " <seclabel relabel='no'> keeps its current label");
                }
                return new ResourceLabel(site.resource(), Action.RELABEL, site.override().get().label(),
                        site.what() + ": the <label> of " + whose + " <seclabel>");
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
    }
}
