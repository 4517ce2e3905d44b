package org.bulkhead.libvirt;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.bulkhead.model.hostsec.FileLabel;
import org.bulkhead.model.hostsec.FileLabelException;
import org.bulkhead.model.hostsec.HostSecurity;
import org.bulkhead.model.hostsec.ProcessLabel;
import org.bulkhead.model.hostsec.SecurityDriverInfo;
import org.bulkhead.model.hostsec.SecurityDriverInfo.Enforcement;

/**
 * The lab's kernel and files as the {@link HostSecurity} port, read over SSH: what the selinux
 * adapter reads through libselinux on a local host. It lets the model's DomainInspector verify
 * the lab's real labels the way it verifies local ones. Read-only: the setters are not needed.
 */
public final class LabHostSecurity implements HostSecurity {

    private final SecurityDriverInfo driver;

    private LabHostSecurity(SecurityDriverInfo driver) {
        this.driver = driver;
    }

    /** Probes the lab: getenforce and libvirt's virtual domain and image context files. */
    public static LabHostSecurity probe() {
        String mode = SelinuxLab.sshOk("getenforce");
        Enforcement enforcement = switch (mode) {
            case "Enforcing" -> Enforcement.ENFORCING;
            case "Permissive" -> Enforcement.PERMISSIVE;
            default -> Enforcement.DISABLED;
        };
        String[] domain = SelinuxLab.sshOk("cat /etc/selinux/default/contexts/virtual_domain_context").split("\n");
        String[] image = SelinuxLab.sshOk("cat /etc/selinux/default/contexts/virtual_image_context").split("\n");
        Map<String, String> base = image.length > 1
                ? Map.of("domain", domain[0].strip(), "image", image[0].strip(), "content", image[1].strip())
                : Map.of("domain", domain[0].strip(), "image", image[0].strip());
        return new LabHostSecurity(new SecurityDriverInfo("selinux", "0", enforcement, base));
    }

    @Override
    public SecurityDriverInfo driver() {
        return driver;
    }

    @Override
    public FileLabel readLabel(Path file, boolean followLinks) {
        Commands.Result result = SelinuxLab.ssh("stat " + (followLinks ? "-L " : "") + "-c '%C|%u|%g|%a' "
                + SelinuxLab.quote(file.toString()));
        if (result.exitCode() != 0) {
            throw new FileLabelException(file, FileLabelException.Reason.OTHER,
                    "cannot read the label of " + file + " in the lab: " + result.output());
        }
        String[] parts = result.output().split("\\|");
        return new FileLabel(file, Optional.of(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                Integer.parseInt(parts[3], 8));
    }

    @Override
    public Optional<ProcessLabel> processLabel(long pid) {
        Commands.Result result = SelinuxLab.ssh("ps -o label=,uid=,gid= -p " + pid);
        if (result.exitCode() != 0) {
            return Optional.empty();
        }
        String[] parts = result.output().strip().split("\\s+");
        return Optional.of(new ProcessLabel(pid, Optional.of(parts[0]), Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2])));
    }

    @Override
    public Optional<ProcessLabel> qemuProcess(String domainUuid) {
        Commands.Result result = SelinuxLab.ssh("pgrep -f -- " + SelinuxLab.quote("-uuid " + domainUuid));
        if (result.exitCode() != 0 || result.output().isBlank()) {
            return Optional.empty();
        }
        return processLabel(Long.parseLong(result.output().strip().split("\\s+")[0]));
    }

    @Override
    public void setSelinuxLabel(Path file, String context, boolean followLinks) {
        throw new UnsupportedOperationException("the lab's labels are only read");
    }

    @Override
    public String chconCommand(Path file, String context, boolean followLinks) {
        throw new UnsupportedOperationException("the lab's labels are only read");
    }

    @Override
    public Optional<String> defaultSelinuxLabel(Path file) {
        Commands.Result result = SelinuxLab.ssh("matchpathcon -n " + SelinuxLab.quote(file.toString()));
        return result.exitCode() == 0 ? Optional.of(result.output().strip()) : Optional.empty();
    }

    @Override
    public String restoreDefaultLabel(Path file, boolean followLinks) {
        throw new UnsupportedOperationException("the lab's labels are only read");
    }

    @Override
    public Optional<String> rememberedSelinuxLabel(Path file, boolean followLinks) {
        Commands.Result result = SelinuxLab.ssh("getfattr --only-values -n trusted.libvirt.security.selinux "
                + (followLinks ? "" : "-h ") + SelinuxLab.quote(file.toString()));
        return result.exitCode() == 0 ? Optional.of(result.output().replace("\0", "").strip()) : Optional.empty();
    }

    @Override
    public Optional<String> restoreRememberedLabel(Path file, boolean followLinks) {
        throw new UnsupportedOperationException("the lab's labels are only read");
    }

    @Override
    public void setOwner(Path file, int uid, int gid, boolean followLinks) {
        throw new UnsupportedOperationException("the lab's labels are only read");
    }

    @Override
    public String chownCommand(Path file, int uid, int gid, boolean followLinks) {
        throw new UnsupportedOperationException("the lab's labels are only read");
    }
}
