package org.bulkhead.libvirt;

import org.libvirt.Error;
import org.libvirt.jna.Libvirt;

/**
 * A failed {@link NativeLibvirt} call, carrying libvirt's error like a LibvirtException does
 * (whose constructor libvirt-java keeps to itself).
 */
final class NativeCallException extends Exception {

    private final Error.ErrorNumber code;

    private NativeCallException(String message, Error.ErrorNumber code) {
        super(message);
        this.code = code;
    }

    /** Reads this thread's last libvirt error, as every libvirt call records it. */
    static NativeCallException lastError(String fallback) {
        var error = Libvirt.INSTANCE.virGetLastError();
        if (error == null) {
            return new NativeCallException(fallback, Error.ErrorNumber.VIR_ERR_UNKNOWN);
        }
        Error translated = new Error(error);
        String message = translated.getMessage() == null ? fallback : translated.getMessage();
        return new NativeCallException(message, translated.getCode());
    }

    Error.ErrorNumber code() {
        return code;
    }
}
