package org.bulkhead.libvirt;

import org.bulkhead.model.xml.SafeXml;
import java.util.ArrayList;
import java.util.List;

import org.bulkhead.model.hypervisor.NetworkInfo;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.libvirt.StoragePool;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The host-wide things a new VM may need first: a directory storage pool and a running virtual
 * network. The pool XML is built with the DOM, so a hostile name or path stays text.
 */
final class HostResources {

    private HostResources() {
    }

    static void createDirPool(Connect connect, String name, String targetPath) throws LibvirtException {
        Document document = SafeXml.newDocument();
        Element pool = document.createElement("pool");
        pool.setAttribute("type", "dir");
        document.appendChild(pool);
        Element nameElement = document.createElement("name");
        nameElement.setTextContent(name);
        pool.appendChild(nameElement);
        Element target = document.createElement("target");
        Element path = document.createElement("path");
        path.setTextContent(targetPath);
        target.appendChild(path);
        pool.appendChild(target);
        StoragePool defined = connect.storagePoolDefineXML(SafeXml.serialize(document, false, false), 0);
        try {
            defined.build(0);
            defined.create(0);
            defined.setAutostart(1);
        } catch (LibvirtException e) {
            // Leave nothing half-made: a pool that cannot start is no use to the wizard.
            try {
                if (defined.isActive() == 1) {
                    defined.destroy();
                }
                defined.undefine();
            } catch (LibvirtException ignored) {
                // the caller reports the first failure, which says what went wrong
            }
            throw e;
        } finally {
            Handles.free(defined);
        }
    }

    static void removePool(Connect connect, String name) throws LibvirtException {
        StoragePool pool = connect.storagePoolLookupByName(name);
        try {
            if (pool.isActive() == 1) {
                pool.destroy();
            }
            pool.undefine();
        } finally {
            Handles.free(pool);
        }
    }

    static List<NetworkInfo> networks(Connect connect) throws LibvirtException {
        List<NetworkInfo> networks = new ArrayList<>();
        for (String name : connect.listNetworks()) {
            networks.add(new NetworkInfo(name, true));
        }
        for (String name : connect.listDefinedNetworks()) {
            networks.add(new NetworkInfo(name, false));
        }
        return networks;
    }

    static void startNetwork(Connect connect, String name) throws LibvirtException {
        Network network = connect.networkLookupByName(name);
        try {
            network.create();
        } finally {
            Handles.free(network);
        }
    }

    static void stopNetwork(Connect connect, String name) throws LibvirtException {
        Network network = connect.networkLookupByName(name);
        try {
            network.destroy();
        } finally {
            Handles.free(network);
        }
    }
}
