package org.bulkhead.model.provision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.bulkhead.model.domain.DomainSpec;
import org.bulkhead.model.domain.DomainXml;
import org.bulkhead.model.hypervisor.ConnectionState;
import org.bulkhead.model.hypervisor.DomainEventListener;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainState;
import org.bulkhead.model.hypervisor.DomainStats;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.hypervisor.StoragePoolInfo;
import org.bulkhead.model.hypervisor.StorageVolume;
import org.bulkhead.model.hypervisor.VolumeRequest;

/** An in-memory hypervisor that remembers domains and volumes and fails the operations it is told to. */
final class FakeConnection implements HypervisorConnection {

    final Map<String, DomainRecord> domains = new LinkedHashMap<>();
    final Map<String, VolumeRequest> volumes = new LinkedHashMap<>();
    final Set<String> failOn = new HashSet<>();
    final List<String> calls = new ArrayList<>();

    private void maybeFail(String operation) {
        calls.add(operation);
        if (failOn.contains(operation)) {
            throw new HypervisorException("Could not " + operation + ": injected failure", "Nothing to do");
        }
    }

    @Override
    public String uri() {
        return "fake:///system";
    }

    @Override
    public HostInfo hostInfo() {
        return new HostInfo(uri(), "fake", "QEMU", "1", "1", true);
    }

    @Override
    public String capabilitiesXml() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<DomainRecord> listDomains() {
        maybeFail("listDomains");
        return List.copyOf(domains.values());
    }

    @Override
    public Optional<DomainRecord> domain(String uuid) {
        return Optional.ofNullable(domains.get(uuid));
    }

    @Override
    public DomainRecord define(String xml) {
        maybeFail("define");
        DomainSpec spec = DomainXml.parse(xml);
        DomainRecord record = new DomainRecord(spec.uuid(), spec.name(), DomainState.SHUT_OFF, xml);
        domains.put(spec.uuid(), record);
        return record;
    }

    /** Defines a domain as someone else would, behind Bulkhead's back. */
    void defineBehindItsBack(String uuid, String name, String seclabel, boolean running) {
        String xml = "<domain type='kvm'><name>" + name + "</name><uuid>" + uuid + "</uuid><devices/>" + seclabel
                + "</domain>";
        domains.put(uuid, new DomainRecord(uuid, name, running ? DomainState.RUNNING : DomainState.SHUT_OFF, xml));
    }

    @Override
    public void start(String uuid) {
        maybeFail("start");
        DomainRecord r = domains.get(uuid);
        domains.put(uuid, new DomainRecord(uuid, r.name(), DomainState.RUNNING, r.xml()));
        maybeFail("start:after");
    }

    @Override
    public void shutdown(String uuid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void destroy(String uuid) {
        maybeFail("destroy");
        DomainRecord r = domains.get(uuid);
        domains.put(uuid, new DomainRecord(uuid, r.name(), DomainState.SHUT_OFF, r.xml()));
    }

    @Override
    public void suspend(String uuid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void resume(String uuid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void reboot(String uuid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void undefine(String uuid, boolean removeStorage) {
        maybeFail("undefine");
        DomainRecord r = domains.get(uuid);
        if (r != null && r.state().isActive()) {
            return; // like libvirt: undefining a running domain leaves it running, transient
        }
        domains.remove(uuid);
    }

    @Override
    public StorageVolume createVolume(VolumeRequest request) {
        maybeFail("createVolume");
        String path = "/pool/" + request.name();
        volumes.put(path, request);
        maybeFail("createVolume:after");
        return new StorageVolume(request.pool(), request.name(), path, request.capacityBytes(), request.format());
    }

    @Override
    public List<StoragePoolInfo> storagePools() {
        return List.of(new StoragePoolInfo("default", "dir", Optional.of("/pool"), true));
    }

    @Override
    public void deleteVolume(String path) {
        maybeFail("deleteVolume");
        volumes.remove(path);
    }

    @Override
    public List<DomainStats> sampleStats() {
        return List.of();
    }

    @Override
    public AutoCloseable subscribe(DomainEventListener listener) {
        return () -> { };
    }

    @Override
    public ConnectionState state() {
        return ConnectionState.OPEN;
    }

    @Override
    public AutoCloseable onStateChange(Consumer<ConnectionState> listener) {
        return () -> { };
    }

    @Override
    public void close() {
    }
}
