package org.bulkhead.libvirt;

import org.bulkhead.model.xml.SafeXml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.bulkhead.model.hypervisor.StoragePoolInfo;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The storage pools of a connection, active ones first, each with its type and target directory. */
final class PoolList {

    private PoolList() {
    }

    static List<StoragePoolInfo> list(Connect connect) throws LibvirtException {
        List<StoragePoolInfo> pools = new ArrayList<>();
        for (String name : connect.listStoragePools()) {
            pools.add(describe(connect, name, true));
        }
        for (String name : connect.listDefinedStoragePools()) {
            pools.add(describe(connect, name, false));
        }
        return pools;
    }

    private static StoragePoolInfo describe(Connect connect, String name, boolean active) throws LibvirtException {
        StoragePool pool = connect.storagePoolLookupByName(name);
        try {
            Document xml = SafeXml.parse(pool.getXMLDesc(0), "the XML of pool " + name);
            Element root = xml.getDocumentElement();
            // A stopped pool reports no free space; unknown is never taken as room enough.
            OptionalLong available = active ? OptionalLong.of(pool.getInfo().available) : OptionalLong.empty();
            return new StoragePoolInfo(name, root.getAttribute("type"), targetPath(root), active, available);
        } finally {
            Handles.free(pool);
        }
    }

    private static Optional<String> targetPath(Element pool) {
        NodeList targets = pool.getElementsByTagName("target");
        for (int i = 0; i < targets.getLength(); i++) {
            if (targets.item(i).getParentNode() == pool) {
                NodeList paths = ((Element) targets.item(i)).getElementsByTagName("path");
                if (paths.getLength() > 0) {
                    return Optional.of(paths.item(0).getTextContent().strip()).filter(p -> !p.isEmpty());
                }
            }
        }
        return Optional.empty();
    }
}
