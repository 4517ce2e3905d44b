package org.bulkhead.libvirt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bulkhead.model.hypervisor.DomainStats;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;

/** CPU and memory of running domains from one batched call: every domain, or the ones asked for. */
final class StatsSampler {

    private static final int GROUPS =
            NativeLibvirt.STATS_CPU_TOTAL | NativeLibvirt.STATS_BALLOON | NativeLibvirt.STATS_VCPU;

    private StatsSampler() {
    }

    static List<DomainStats> sample(LibvirtConnect connect) throws LibvirtException, NativeCallException {
        long now = System.nanoTime();
        List<DomainStatsBatch.Sample> samples;
        try {
            samples = DomainStatsBatch.fetch(connect.nativePointer(), GROUPS, NativeLibvirt.STATS_ACTIVE_ONLY);
        } catch (NativeCallException e) {
            // Only daemons older than libvirt 1.2.8 lack the batch: fall back to one call per domain.
            if (e.code() == ErrorNumber.VIR_ERR_NO_SUPPORT) {
                return onePerDomain(connect, now);
            }
            throw e;
        }
        return statistics(connect, samples, now);
    }

    /**
     * CPU and memory of those of {@code uuids} that run, from one virDomainListGetStats call: the
     * rows a window shows, instead of every domain on the connection.
     */
    static List<DomainStats> sample(LibvirtConnect connect, Set<String> uuids) throws LibvirtException, NativeCallException {
        long now = System.nanoTime();
        List<DomainStatsBatch.Sample> samples;
        try {
            samples = DomainStatsBatch.fetch(connect.nativePointer(), uuids, GROUPS | NativeLibvirt.STATS_STATE);
        } catch (NativeCallException e) {
            if (e.code() == ErrorNumber.VIR_ERR_NO_SUPPORT) {
                return sample(connect).stream().filter(stats -> uuids.contains(stats.uuid())).toList();
            }
            throw e;
        }
        return statistics(connect, samples, now);
    }

    /** The running domains' statistics from a batch; a batch with states may also name stopped ones. */
    private static List<DomainStats> statistics(LibvirtConnect connect, List<DomainStatsBatch.Sample> samples, long now)
            throws LibvirtException {
        List<DomainStats> stats = new ArrayList<>(samples.size());
        for (DomainStatsBatch.Sample sample : samples) {
            if (sample.has("state.state") && !DomainStates.fromCode((int) sample.get("state.state")).isActive()) {
                continue; // stopped: no statistics, as in the sample of every domain
            }
            if (sample.has("cpu.time")) {
                stats.add(new DomainStats(sample.uuid(), now, sample.get("cpu.time"),
                        sample.get("balloon.current"), sample.get("balloon.maximum"),
                        (int) sample.get("vcpu.current")));
            } else {
                // Drivers that batch only some groups (the test driver reports state alone).
                fromInfo(connect, sample.uuid(), now).ifPresent(stats::add);
            }
        }
        return stats;
    }

    private static List<DomainStats> onePerDomain(LibvirtConnect connect, long now) throws LibvirtException {
        Domain[] running = connect.listAllDomains(1); // VIR_CONNECT_LIST_DOMAINS_ACTIVE
        try {
            List<DomainStats> stats = new ArrayList<>(running.length);
            for (Domain domain : running) {
                try {
                    stats.add(of(domain.getUUIDString(), domain.getInfo(), now));
                } catch (LibvirtException e) {
                    if (Failures.code(e) != ErrorNumber.VIR_ERR_NO_DOMAIN) {
                        throw e;
                    }
                }
            }
            return stats;
        } finally {
            Handles.free(running);
        }
    }

    private static Optional<DomainStats> fromInfo(LibvirtConnect connect, String uuid, long now)
            throws LibvirtException {
        Domain domain = null;
        try {
            domain = connect.domainLookupByUUIDString(uuid);
            return Optional.of(of(uuid, domain.getInfo(), now));
        } catch (LibvirtException e) {
            if (Failures.code(e) == ErrorNumber.VIR_ERR_NO_DOMAIN) {
                return Optional.empty(); // stopped and undefined since the batch
            }
            throw e;
        } finally {
            Handles.free(domain);
        }
    }

    private static DomainStats of(String uuid, DomainInfo info, long now) {
        return new DomainStats(uuid, now, info.cpuTime, info.memory, info.maxMem, info.nrVirtCpu);
    }
}
