package org.bulkhead.hostsec;

import java.nio.file.Path;
import java.util.Optional;
import org.bulkhead.hostsec.jna.Libselinux;

/** Contexts through libselinux, which also handles mcstrans translation when it runs. */
final class LibselinuxContextStore implements ContextStore {

    private final Libselinux lib;

    LibselinuxContextStore(Libselinux lib) {
        this.lib = lib;
    }

    @Override
    public Optional<String> read(Path file, boolean followLinks) {
        // Raw, because libvirt's XML and the kernel speak raw contexts.
        return lib.getfilecon(file, followLinks).map(lib::translatedToRaw);
    }

    @Override
    public void write(Path file, String context, boolean followLinks) {
        lib.setfilecon(file, context, followLinks);
    }
}
