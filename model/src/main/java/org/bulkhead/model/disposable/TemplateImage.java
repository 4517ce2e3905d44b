package org.bulkhead.model.disposable;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

import org.bulkhead.model.hostsec.FileLabel;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.host.HostContext;
import org.bulkhead.model.provision.HostFiles;

/**
 * A template's image as disposable VMs share it: read by every disposable's QEMU, written by
 * none, and checked after each disposable ends to be as it was. Only on this machine's files;
 * on a remote host both are empty and libvirt reports at start if QEMU cannot open the image.
 */
final class TemplateImage {

    private final HostContext host;
    private final Optional<HostSecurity> security;
    private final Optional<HostFiles> files;

    TemplateImage(HostContext host, Optional<HostSecurity> security, Optional<HostFiles> files) {
        this.host = host;
        this.security = security;
        this.files = files;
    }

    /**
     * Every disposable's QEMU must read the template and none may write it: owned as it is, in
     * the group of libvirt's QEMU user, mode 0640. On the DAC side that is what SELinux's
     * {@code virt_content_t} is: content every VM may read. Fixed when Bulkhead may, else refused.
     */
    Optional<FileLabel> shareReadOnly(Path image, int vmUid, Consumer<String> notes) {
        if (security.isEmpty() || files.isEmpty()) {
            return Optional.empty(); // a remote host: libvirt reports at start if QEMU cannot open it
        }
        OptionalInt gid = host.qemuGroup();
        HostFiles.PathFacts facts = files.get().facts(image).orElseThrow(() -> new IllegalStateException(
                "The template's image " + image + " does not exist."));
        if (gid.isEmpty()) {
            return Optional.of(security.get().readLabel(image, true));
        }
        int qemuGid = gid.getAsInt();
        boolean readable = facts.readableBy(vmUid, qemuGid);
        boolean writableByOthers = (facts.mode() & 022) != 0;
        if (!readable || writableByOthers) {
            int mode = (facts.mode() & 0600) | 0040;
            String command = "chgrp " + qemuGid + " " + image + " && chmod " + String.format("%04o", mode) + " " + image;
            try {
                security.get().setOwner(image, facts.uid(), qemuGid, true);
                files.get().setMode(image, mode);
            } catch (RuntimeException e) {
                throw new IllegalStateException("The template's image " + image + " is " + facts.modeOctal()
                        + " of uid " + facts.uid() + ", group " + facts.gid() + ": disposable VMs need it readable by"
                        + " libvirt's QEMU group and writable by none of them, and Bulkhead could not change it ("
                        + e.getMessage() + "). As root: " + command, e);
            }
            notes.accept("Made the template's image " + image + " shared read-only content: group " + qemuGid
                    + " (libvirt's QEMU users), mode " + String.format("%04o", mode) + " (" + command + ").");
        }
        return Optional.of(security.get().readLabel(image, true));
    }

    void check(Disposable disposable, List<String> left, List<String> notChecked) {
        if (security.isEmpty() || disposable.templateBefore().isEmpty()) {
            notChecked.add("the template's image " + disposable.templateImage() + " cannot be read from here");
            return;
        }
        FileLabel before = disposable.templateBefore().get();
        FileLabel after;
        try {
            after = security.get().readLabel(Path.of(disposable.templateImage()), true);
        } catch (RuntimeException e) {
            left.add("the template's image " + disposable.templateImage() + " could not be read (" + e.getMessage() + ")");
            return;
        }
        OptionalInt vmUid = disposable.plan().rules().plannedUid(disposable.plan());
        if (vmUid.isPresent() && after.uid() == vmUid.getAsInt()) {
            left.add("the template's image " + after.path() + " is owned by the disposable's uid " + after.uid()
                    + " (chown " + before.uid() + ":" + before.gid() + " " + after.path() + ")");
        } else if (after.uid() != before.uid() || after.gid() != before.gid() || after.mode() != before.mode()
                || !after.selinuxContext().equals(before.selinuxContext())) {
            left.add("the template's image " + after.path() + " changed from " + describe(before) + " to " + describe(after));
        }
    }

    private static String describe(FileLabel label) {
        return label.dacLabel() + " " + label.modeOctal() + label.selinuxContext().map(c -> " " + c).orElse("");
    }
}
