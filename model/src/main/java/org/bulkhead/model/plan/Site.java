package org.bulkhead.model.plan;

import java.util.Optional;

import org.bulkhead.model.domain.DeviceSecLabel;

/**
 * One resource as the walk over a domain finds it: how QEMU uses it and which device override,
 * if any, decides its label.
 *
 * @param what      the rule's subject in words, e.g. "read-write disk"
 * @param override  the decisive {@code <seclabel>} in the device's {@code <source>}
 * @param inherited true when {@code override} is the top disk's, applied to a backing layer
 */
record Site(Resource resource, Use use, String what, Optional<DeviceSecLabel> override, boolean inherited) {

    enum Use {
        READ_WRITE, SHARED, READ_ONLY, BACKING, BOOT_FILE, NVRAM, CHARDEV_FILE,
        /** A chardev of type file: with stdio_handler='logd' virtlogd opens it, not QEMU. */
        CHARDEV_OUTPUT_FILE,
        SOCKET_CONNECT,
        /** QEMU creates the socket itself. */
        SOCKET_BIND,
        /** A {@code type='dir'} disk: libvirt does not relabel directory trees. */
        DIRECTORY,
        NOT_A_FILE
    }

    static Site of(Resource resource, Use use, String what) {
        return new Site(resource, use, what, Optional.empty(), false);
    }
}
