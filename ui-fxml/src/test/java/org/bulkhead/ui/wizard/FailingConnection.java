package org.bulkhead.ui.wizard;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.bulkhead.model.hypervisor.ConnectionState;
import org.bulkhead.model.hypervisor.DomainEventListener;
import org.bulkhead.model.hypervisor.DomainRecord;
import org.bulkhead.model.hypervisor.DomainStats;
import org.bulkhead.model.hypervisor.HostInfo;
import org.bulkhead.model.hypervisor.Hypervisor;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.hypervisor.HypervisorException;
import org.bulkhead.model.hypervisor.NetworkInfo;
import org.bulkhead.model.hypervisor.StoragePoolInfo;
import org.bulkhead.model.hypervisor.StorageVolume;
import org.bulkhead.model.hypervisor.VolumeRequest;

/**
 * A real connection that fails one operation right after it really happened, so the thing
 * exists on the hypervisor and the roll-back has to remove it.
 */
final class FailingConnection implements HypervisorConnection {

    private final HypervisorConnection real;
    private final String failAfter;

    FailingConnection(HypervisorConnection real, String failAfter) {
        this.real = real;
        this.failAfter = failAfter;
    }

    static Hypervisor failingAfter(Hypervisor real, String operation) {
        return uri -> new FailingConnection(real.open(uri), operation);
    }

    private <T> T after(String operation, T result) {
        if (operation.equals(failAfter)) {
            throw new HypervisorException("Could not " + operation + ": injected failure after it happened",
                    "Nothing to do: this is a test");
        }
        return result;
    }

    @Override
    public String uri() {
        return real.uri();
    }

    @Override
    public HostInfo hostInfo() {
        return real.hostInfo();
    }

    @Override
    public String capabilitiesXml() {
        return real.capabilitiesXml();
    }

    @Override
    public List<DomainRecord> listDomains() {
        return real.listDomains();
    }

    @Override
    public Optional<DomainRecord> domain(String uuid) {
        return real.domain(uuid);
    }

    @Override
    public void createDirPool(String name, String targetPath) {
        real.createDirPool(name, targetPath);
        after("createDirPool", null);
    }

    @Override
    public void removePool(String name) {
        real.removePool(name);
    }

    @Override
    public List<NetworkInfo> networks() {
        return real.networks();
    }

    @Override
    public void startNetwork(String name) {
        real.startNetwork(name);
        after("startNetwork", null);
    }

    @Override
    public void stopNetwork(String name) {
        real.stopNetwork(name);
    }

    @Override
    public DomainRecord define(String xml) {
        return after("define", real.define(xml));
    }

    @Override
    public void start(String uuid) {
        real.start(uuid);
        after("start", null);
    }

    @Override
    public void shutdown(String uuid) {
        real.shutdown(uuid);
    }

    @Override
    public void destroy(String uuid) {
        real.destroy(uuid);
    }

    @Override
    public void suspend(String uuid) {
        real.suspend(uuid);
    }

    @Override
    public void resume(String uuid) {
        real.resume(uuid);
    }

    @Override
    public void reboot(String uuid) {
        real.reboot(uuid);
    }

    @Override
    public void undefine(String uuid, boolean removeStorage) {
        real.undefine(uuid, removeStorage);
    }

    @Override
    public StorageVolume createVolume(VolumeRequest request) {
        return after("createVolume", real.createVolume(request));
    }

    @Override
    public List<StoragePoolInfo> storagePools() {
        return real.storagePools();
    }

    @Override
    public void deleteVolume(String path) {
        real.deleteVolume(path);
    }

    @Override
    public List<DomainStats> sampleStats() {
        return real.sampleStats();
    }

    @Override
    public AutoCloseable subscribe(DomainEventListener listener) {
        return real.subscribe(listener);
    }

    @Override
    public ConnectionState state() {
        return real.state();
    }

    @Override
    public AutoCloseable onStateChange(Consumer<ConnectionState> listener) {
        return real.onStateChange(listener);
    }

    @Override
    public void close() {
        real.close();
    }
}
