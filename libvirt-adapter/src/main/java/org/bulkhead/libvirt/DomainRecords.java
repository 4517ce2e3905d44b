package org.bulkhead.libvirt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.bulkhead.model.hypervisor.DomainListing;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.hypervisor.RuntimeLabel;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.SecurityLabel;

/** Builds {@link DomainRecord}s: identity, state, XML and, on this host, the QEMU pid. */
final class DomainRecords {

    /** Where libvirtd's system instance records each running QEMU's pid. */
    private static final Path QEMU_PID_DIR = Path.of("/run/libvirt/qemu");

    private final boolean localSystemQemu;

    /**
     * @param localSystemQemu whether the connection is this host's {@code qemu:///system}, the
     *                        only case in which {@link #QEMU_PID_DIR} describes its domains
     */
    DomainRecords(boolean localSystemQemu) {
        this.localSystemQemu = localSystemQemu;
    }

    /** Every domain, with states from one batched call where the driver offers it. */
    List<DomainRecord> list(LibvirtConnect connect) throws LibvirtException, NativeCallException {
        Map<String, DomainState> states = statesByUuid(connect);
        Domain[] domains = connect.listAllDomains(0);
        try {
            List<DomainRecord> records = new ArrayList<>(domains.length);
            for (Domain domain : domains) {
                stillThere(domain, states).ifPresent(records::add);
            }
            return records;
        } finally {
            Handles.free(domains);
        }
    }

    /** Every domain's UUID, name and state, without reading any XML. */
    List<DomainListing> listNames(LibvirtConnect connect) throws LibvirtException, NativeCallException {
        Map<String, DomainState> states = statesByUuid(connect);
        Domain[] domains = connect.listAllDomains(0);
        try {
            List<DomainListing> listed = new ArrayList<>(domains.length);
            for (Domain domain : domains) {
                try {
                    String uuid = domain.getUUIDString();
                    DomainState state = states.get(uuid);
                    listed.add(new DomainListing(uuid, domain.getName(),
                            state != null ? state : DomainStates.fromInfo(domain.getInfo().state)));
                } catch (LibvirtException e) {
                    if (Failures.code(e) != ErrorNumber.VIR_ERR_NO_DOMAIN) {
                        throw e;
                    }
                    // Undefined by another tool between the list and this read: simply not listed.
                }
            }
            return listed;
        } finally {
            Handles.free(domains);
        }
    }

    Optional<DomainRecord> find(LibvirtConnect connect, String uuid) throws LibvirtException {
        Domain domain;
        try {
            domain = connect.domainLookupByUUIDString(uuid);
        } catch (LibvirtException e) {
            if (Failures.code(e) == ErrorNumber.VIR_ERR_NO_DOMAIN) {
                return Optional.empty();
            }
            throw e;
        }
        try {
            return stillThere(domain, Map.of());
        } finally {
            Handles.free(domain);
        }
    }

    /**
     * The record of a domain whose handle was just taken, or empty when another tool undefined it
     * between taking the handle and reading it: a harmless race that is simply its removal.
     */
    Optional<DomainRecord> stillThere(Domain domain, Map<String, DomainState> knownStates) throws LibvirtException {
        try {
            return Optional.of(of(domain, knownStates));
        } catch (LibvirtException e) {
            if (Failures.code(e) == ErrorNumber.VIR_ERR_NO_DOMAIN) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Live XML for a running domain, the persistent definition otherwise (flags 0 gives both). */
    DomainRecord of(Domain domain, Map<String, DomainState> knownStates) throws LibvirtException {
        String uuid = domain.getUUIDString();
        String name = domain.getName();
        DomainState state = knownStates.get(uuid);
        if (state == null) {
            state = DomainStates.fromInfo(domain.getInfo().state);
        }
        String xml = domain.getXMLDesc(0);
        if (!state.isActive()) {
            return new DomainRecord(uuid, name, state, xml, OptionalLong.empty());
        }
        return new DomainRecord(uuid, name, state, xml, pid(name, uuid), runtimeLabel(domain));
    }

    /** What the primary security driver says the running domain's process carries, if it says. */
    private static Optional<RuntimeLabel> runtimeLabel(Domain domain) {
        try {
            SecurityLabel label = domain.getSecurityLabel();
            if (label == null || label.getLabel() == null || label.getLabel().isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new RuntimeLabel(label.getLabel(), label.isEnforced()));
        } catch (LibvirtException e) {
            // Drivers without virDomainGetSecurityLabel, or a domain that stopped meanwhile.
            return Optional.empty();
        }
    }

    private Map<String, DomainState> statesByUuid(LibvirtConnect connect) throws NativeCallException {
        try {
            Map<String, DomainState> states = new HashMap<>();
            for (DomainStatsBatch.Sample sample
                    : DomainStatsBatch.fetch(connect.nativePointer(), NativeLibvirt.STATS_STATE, 0)) {
                if (sample.has("state.state")) {
                    states.put(sample.uuid(), DomainStates.fromCode((int) sample.get("state.state")));
                }
            }
            return states;
        } catch (NativeCallException e) {
            // Daemons older than libvirt 1.2.8 lack the batch; each domain then asks for its own state.
            if (e.code() == ErrorNumber.VIR_ERR_NO_SUPPORT) {
                return Map.of();
            }
            throw e;
        }
    }

    /**
     * The QEMU pid from libvirt's pid file. libvirt names that file after the domain's name as
     * its XML spells it ({@code a&amp;b.pid} for {@code a&b}), so both spellings are tried, and
     * a pid is only believed when that process was started for this domain's UUID.
     */
    private OptionalLong pid(String name, String uuid) {
        if (!localSystemQemu || name.contains("/")) {
            return OptionalLong.empty();
        }
        for (String file : List.of(xmlEscaped(name) + ".pid", name + ".pid")) {
            try {
                long pid = Long.parseLong(Files.readString(QEMU_PID_DIR.resolve(file)).strip());
                if (startedFor(pid, uuid)) {
                    return OptionalLong.of(pid);
                }
            } catch (IOException | NumberFormatException | java.nio.file.InvalidPathException e) {
                // Not readable (not root), not written yet, or not this spelling: try the next.
            }
        }
        return OptionalLong.empty();
    }

    /** Whether the process's command line carries {@code -uuid UUID}, as libvirt starts QEMU. */
    static boolean startedFor(long pid, String uuid) {
        try {
            String[] args = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8).split("\0");
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("-uuid") && args[i + 1].equalsIgnoreCase(uuid)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The name as libvirt's XML writer escapes it, which is how its state files are named. */
    static String xmlEscaped(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append("&apos;");
                case '"' -> out.append("&quot;");
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
