package org.bulkhead.model.security;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.bulkhead.model.host.HostEnforcement;
import org.bulkhead.model.hostsec.AppArmorFileRules;
import org.bulkhead.model.hostsec.FileLabel;
import org.bulkhead.model.hostsec.FileLabelException;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.label.DacLabel;
import org.bulkhead.model.label.LabelFormatException;
import org.bulkhead.model.label.SecurityContext;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.plan.ProfileAccess;
import org.bulkhead.model.plan.ResourceLabel;
import org.bulkhead.model.host.HostContext;

/**
 * Reads a resource's actual label from its host (or, under AppArmor, the VM's profile) and
 * compares it with the plan. One verifier serves one inspection of one VM.
 */
public final class ResourceVerifier {

    private final Optional<HostSecurity> files;
    private final HostContext host;
    private final Map<String, Optional<AppArmorFileRules>> profiles = new HashMap<>();

    public ResourceVerifier(Optional<HostSecurity> files, HostContext host) {
        this.files = files;
        this.host = host;
    }

    public ResourceCheck check(ResourceLabel planned, SecurityModel model, boolean running) {
        if (planned.action() == ResourceLabel.Action.NOT_A_FILE || planned.action() == ResourceLabel.Action.QEMU_CREATES) {
            return new ResourceCheck(planned, Optional.empty(), ResourceCheck.Verdict.NOT_CHECKED, "not a file on disk");
        }
        if (files.isEmpty()) {
            String why = host.info().local() ? "file labels cannot be read on this machine"
                    : "the file is on the remote host";
            return new ResourceCheck(planned, Optional.empty(), ResourceCheck.Verdict.NOT_VISIBLE, why);
        }
        if (model == SecurityModel.APPARMOR && planned.action() == ResourceLabel.Action.LEAVE_ALONE
                && planned.label().isPresent()) {
            return checkProfile(planned, ProfileAccess.parse(planned.label().get()), running);
        }
        FileLabel actual;
        try {
            actual = files.get().readLabel(Path.of(planned.resource().path()), true);
        } catch (FileLabelException e) {
            return new ResourceCheck(planned, Optional.empty(), ResourceCheck.Verdict.NOT_VISIBLE, e.getMessage());
        }
        boolean dac = model == SecurityModel.DAC;
        Optional<String> shown = dac ? Optional.of(actual.dacLabel() + " " + actual.modeOctal())
                : Optional.of(actual.selinuxContext().orElse("(no SELinux label)"));
        if (!running) {
            return new ResourceCheck(planned, shown, ResourceCheck.Verdict.NOT_CHECKED,
                    "the VM is not running, so its labels are not applied");
        }
        if (planned.action() != ResourceLabel.Action.RELABEL || planned.label().isEmpty()) {
            return new ResourceCheck(planned, shown, ResourceCheck.Verdict.NOT_CHECKED, planned.reason());
        }
        boolean matches = dac ? sameOwner(planned.label().get(), actual)
                : actual.selinuxContext().map(ctx -> sameContext(ctx, planned.label().get())).orElse(false);
        if (matches) {
            return new ResourceCheck(planned, shown, ResourceCheck.Verdict.MATCH, "carries the planned label");
        }
        String detail = host.enforcement() == HostEnforcement.SIMULATED
                ? "simulated: the test driver never relabels files"
                : "expected " + planned.label().get();
        return new ResourceCheck(planned, shown, ResourceCheck.Verdict.MISMATCH, detail);
    }

    /**
     * AppArmor: the file keeps its label, so what counts is whether the VM's generated profile
     * lists it with the planned access (read once per profile for all of a VM's files).
     */
    private ResourceCheck checkProfile(ResourceLabel planned, ProfileAccess access, boolean running) {
        if (!running) {
            return new ResourceCheck(planned, Optional.empty(), ResourceCheck.Verdict.NOT_CHECKED,
                    "the VM is not running, so libvirt has not written its profile");
        }
        Optional<AppArmorFileRules> rules = profiles.computeIfAbsent(access.profile(),
                profile -> files.orElseThrow().appArmorFileRules(profile));
        if (rules.isEmpty()) {
            return new ResourceCheck(planned, Optional.empty(), ResourceCheck.Verdict.NOT_VISIBLE,
                    "the profile's file list " + AppArmorFileRules.pathOf(access.profile())
                            + " cannot be read from here");
        }
        Optional<String> granted = rules.get().access(planned.resource().path());
        if (granted.isEmpty()) {
            return new ResourceCheck(planned, Optional.of("not listed in " + access.profile()),
                    ResourceCheck.Verdict.MISMATCH, access.profile() + " does not list this file, so the VM's QEMU"
                            + " cannot open it");
        }
        Optional<String> shown = Optional.of(new ProfileAccess(access.profile(), granted.get()).toString());
        if (!access.grantedBy(granted.get())) {
            return new ResourceCheck(planned, shown, ResourceCheck.Verdict.MISMATCH,
                    "expected " + access + ", the profile gives " + granted.get());
        }
        return new ResourceCheck(planned, shown, ResourceCheck.Verdict.MATCH, "listed in the VM's profile as planned");
    }

    /** Equal as contexts: {@code s0:c9,c7} on a file is the same label as a planned {@code s0:c7,c9}. */
    private static boolean sameContext(String actual, String planned) {
        try {
            return SecurityContext.parse(actual).equals(SecurityContext.parse(planned));
        } catch (LabelFormatException e) {
            return actual.equals(planned);
        }
    }

    private static boolean sameOwner(String plannedDac, FileLabel actual) {
        try {
            DacLabel label = DacLabel.parse(plannedDac);
            return label.uid().isPresent() && label.gid().isPresent()
                    && label.uid().getAsInt() == actual.uid() && label.gid().getAsInt() == actual.gid();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
