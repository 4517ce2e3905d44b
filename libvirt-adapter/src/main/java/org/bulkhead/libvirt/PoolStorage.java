package org.bulkhead.libvirt;

import java.util.ArrayList;
import java.util.List;
import org.bulkhead.model.hypervisor.DeletedStorage;
import org.bulkhead.model.hypervisor.StorageVolume;
import org.bulkhead.model.hypervisor.VolumeRequest;
import org.libvirt.Connect;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/** Volumes in storage pools: creating them, and deleting those a domain owned. */
final class PoolStorage {

    private PoolStorage() {
    }

    static StorageVolume create(Connect connect, VolumeRequest request, String volumeXml) throws LibvirtException {
        StoragePool pool = connect.storagePoolLookupByName(request.pool());
        try {
            StorageVol volume = pool.storageVolCreateXML(volumeXml, 0);
            try {
                return new StorageVolume(request.pool(), volume.getName(), volume.getPath(),
                        volume.getInfo().capacity, request.format());
            } finally {
                Handles.free(volume);
            }
        } finally {
            Handles.free(pool);
        }
    }

    /** A qcow2 volume backed by the pool volume at {@code backingPath}, in its pool, of its size. */
    static StorageVolume overlay(Connect connect, String name, String backingPath, int mode) throws LibvirtException {
        StorageVol backing;
        try {
            backing = connect.storageVolLookupByPath(backingPath);
        } catch (LibvirtException e) {
            if (Failures.code(e) == ErrorNumber.VIR_ERR_NO_STORAGE_VOL) {
                throw new org.bulkhead.model.hypervisor.HypervisorException("No storage pool holds " + backingPath
                        + ", so libvirt cannot put an overlay beside it",
                        "Define a directory pool on its folder (virsh pool-define-as NAME dir --target DIR;"
                                + " virsh pool-start NAME), or refresh it (virsh pool-refresh NAME)", e);
            }
            throw e;
        }
        StoragePool pool = null;
        try {
            String format = VolumeXml.format(backing.getXMLDesc(0)).orElse("raw");
            long capacity = backing.getInfo().capacity;
            pool = backing.storagePoolLookupByVolume();
            StorageVol volume = pool.storageVolCreateXML(VolumeXml.overlay(name, capacity, backingPath, format, mode), 0);
            try {
                return new StorageVolume(pool.getName(), volume.getName(), volume.getPath(),
                        volume.getInfo().capacity, "qcow2");
            } finally {
                Handles.free(volume);
            }
        } finally {
            Handles.free(pool);
            Handles.free(backing);
        }
    }

    static void delete(Connect connect, String path) throws LibvirtException {
        StorageVol volume = connect.storageVolLookupByPath(path);
        try {
            volume.delete(0);
        } finally {
            Handles.free(volume);
        }
    }

    /**
     * Deletes the pool volumes among {@code images}; images in no pool are left alone (Bulkhead
     * does not delete files libvirt does not manage).
     *
     * @return each image deleted, and each kept with the reason
     */
    static DeletedStorage deleteOwned(Connect connect, List<DomainDisks.Source> images) {
        List<String> deleted = new ArrayList<>();
        List<DeletedStorage.Kept> kept = new ArrayList<>();
        for (DomainDisks.Source image : images) {
            StorageVol volume = null;
            try {
                volume = lookup(connect, image);
                if (volume != null) {
                    volume.delete(0);
                    deleted.add(image.describe());
                } else {
                    kept.add(new DeletedStorage.Kept(image.describe(), DeletedStorage.NOT_IN_A_POOL));
                }
            } catch (LibvirtException e) {
                kept.add(new DeletedStorage.Kept(image.describe(), Failures.reason(e)));
            } finally {
                Handles.free(volume);
            }
        }
        return new DeletedStorage(deleted, kept);
    }

    /** The volume holding this image, or null when no pool knows it. */
    private static StorageVol lookup(Connect connect, DomainDisks.Source image) throws LibvirtException {
        try {
            if (image.path().isPresent()) {
                return connect.storageVolLookupByPath(image.path().get());
            }
            StoragePool pool = connect.storagePoolLookupByName(image.pool().orElseThrow());
            try {
                return pool.storageVolLookupByName(image.volume().orElseThrow());
            } finally {
                Handles.free(pool);
            }
        } catch (LibvirtException e) {
            ErrorNumber code = Failures.code(e);
            if (code == ErrorNumber.VIR_ERR_NO_STORAGE_VOL || code == ErrorNumber.VIR_ERR_NO_STORAGE_POOL) {
                return null;
            }
            throw e;
        }
    }
}
