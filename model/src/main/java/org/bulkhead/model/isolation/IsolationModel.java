package org.bulkhead.model.isolation;

import java.util.Optional;
import java.util.OptionalInt;

import org.bulkhead.model.domain.NewDisk;
import org.bulkhead.model.hostsec.ProcessLabel;
import org.bulkhead.model.label.SecurityModel;
import org.bulkhead.model.ledger.LabelLedger;
import org.bulkhead.model.host.HostContext;

/**
 * What the Isolated box means under one security model: one row of ARCHITECTURE.md's table,
 * one small class per model, chosen by {@link IsolationModels#of} the way libvirt's security
 * manager picks its driver. Everything else asks this interface; nothing switches on model names.
 */
public interface IsolationModel {

    /** The permission bits of an isolated VM's images: its own, nobody else's. */
    int PRIVATE_MODE = 0600;

    /** The libvirt model whose seclabel confines VMs here (NONE when nothing does). */
    SecurityModel model();

    /** The host's kind in a few words, for headers and the command line ("DAC only (file owners)"). */
    String title();

    /** One sentence for beside the Isolated box: what it does on this host. */
    String explanation();

    /**
     * What isolation under this model does not cover, where a user relying on it should know
     * (AppArmor's rules name paths, not labels); empty when there is nothing to add.
     */
    default Optional<String> caveat() {
        return Optional.empty();
    }

    /** Why this host cannot honour Isolated, or empty when it can. */
    default Optional<String> unavailableReason(HostContext host) {
        return Optional.empty();
    }

    /** Whether "pin label" means anything: a dynamic default that a fixed label could replace. */
    default boolean canPin() {
        return false;
    }

    /**
     * The confinement of a new domain, isolated or shared. What the ledger reserves is held for
     * {@code domainUuid} until the domain is defined or the plan is released.
     */
    IsolationPlan plan(HostContext host, boolean isolated, boolean pin, LabelLedger ledger, String domainUuid);

    /** The test driver: labels are kept, nothing is applied or enforced, no files are real. */
    default boolean simulated() {
        return false;
    }

    /** Whether a security driver confines VMs at all. */
    default boolean confines() {
        return true;
    }

    /** Whether an isolated VM's QEMU runs as a user ID of its own (and so needs others' permission bits). */
    default boolean privateUser() {
        return false;
    }

    /** The group an isolated VM's QEMU runs in, where it runs as a user of its own. */
    default OptionalInt privateGroup(HostContext host) {
        return OptionalInt.empty();
    }

    /** An install medium as this model hands it over: public and read-only, never given to one VM. */
    default NewDisk installMedium(NewDisk cdrom) {
        return cdrom;
    }

    /** What happens when this VM and another use one file, in words a user can act on. */
    default String sharedFileConsequence(boolean isolated) {
        return "libvirt relabels a file for the VM that starts, so the two VMs cannot keep different labels on it;"
                + " libvirt refuses to start the second one while the first runs.";
    }

    /** The fix for files on a network filesystem, where this model has one. */
    default Optional<String> networkFilesystemCommand() {
        return Optional.empty();
    }

    /**
     * Why the running VM's own label does not match its plan, beyond differing from a fixed label
     * (a dynamic label without a pair of its own, say); empty when it matches.
     */
    default Optional<String> labelProblem(IsolationPlan plan, String liveLabel) {
        return Optional.empty();
    }

    /** The user ID the VM's QEMU must run as, where the plan fixes one. */
    default OptionalInt plannedUid(IsolationPlan plan) {
        return OptionalInt.empty();
    }

    /**
     * Whether the kernel enforces a VM's confinement under this model, asked once the host itself
     * enforces: SELinux decides per process type, AppArmor per profile, DAC per user.
     *
     * @param label   the VM's label in force (running) or as defined; empty for a stopped dynamic one
     * @param process the VM's QEMU as the kernel sees it, when it runs and is visible from here
     */
    default DomainEnforcement enforcement(HostContext host, Optional<String> label, Optional<ProcessLabel> process) {
        return DomainEnforcement.notChecked("not checked", "Bulkhead has no rule for " + title() + " yet.");
    }
}
