package org.bulkhead.model.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A character device: {@code element} is serial, console, channel or parallel; {@code type} is
 * libvirt's source type (file, pipe, dev, unix, pty, tcp...).
 *
 * @param mode bind or connect, for unix sockets
 */
public record Chardev(String element, String type, Optional<String> path, Optional<String> mode,
        List<DeviceSecLabel> seclabels) {

    public Chardev {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mode, "mode");
        seclabels = List.copyOf(seclabels);
    }
}
