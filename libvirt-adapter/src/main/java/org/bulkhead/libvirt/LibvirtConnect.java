package org.bulkhead.libvirt;

import com.sun.jna.Pointer;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/**
 * A libvirt-java connection that also hands out its native {@code virConnectPtr}, which
 * libvirt-java keeps in a protected field, so {@link NativeLibvirt} calls can use the same
 * connection instead of opening a second one.
 */
final class LibvirtConnect extends Connect {

    LibvirtConnect(String uri) throws LibvirtException {
        // No auth callback: a desktop app has no terminal to prompt on; SSH keys, polkit and
        // root access work without one.
        super(uri, null, 0);
    }

    /** The native pointer, or null once closed. */
    Pointer nativePointer() {
        return vcp == null ? null : vcp.getPointer();
    }
}
