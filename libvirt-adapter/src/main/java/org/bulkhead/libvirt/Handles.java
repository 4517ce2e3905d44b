package org.bulkhead.libvirt;

import java.lang.System.Logger.Level;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/**
 * Releases libvirt-java handles at once instead of leaving them to finalizers, which run late
 * or never. A failed release only leaks a little memory, so it is logged, not thrown.
 */
final class Handles {

    private static final System.Logger LOG = System.getLogger(Handles.class.getName());

    private Handles() {
    }

    static void free(Domain domain) {
        if (domain == null) {
            return;
        }
        try {
            domain.free();
        } catch (LibvirtException e) {
            LOG.log(Level.WARNING, "could not free a domain handle", e);
        }
    }

    static void free(Domain[] domains) {
        for (Domain domain : domains) {
            free(domain);
        }
    }

    static void free(StoragePool pool) {
        if (pool == null) {
            return;
        }
        try {
            pool.free();
        } catch (LibvirtException e) {
            LOG.log(Level.WARNING, "could not free a storage pool handle", e);
        }
    }

    static void free(StorageVol volume) {
        if (volume == null) {
            return;
        }
        try {
            volume.free();
        } catch (LibvirtException e) {
            LOG.log(Level.WARNING, "could not free a storage volume handle", e);
        }
    }

    static void free(Network network) {
        if (network == null) {
            return;
        }
        try {
            network.free();
        } catch (LibvirtException e) {
            LOG.log(Level.WARNING, "could not free a network handle", e);
        }
    }
}
