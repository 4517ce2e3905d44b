package org.bulkhead.model.domain;

import java.util.Objects;
import java.util.Optional;

/** One layer of a disk's backing chain, as libvirt's live XML nests it in {@code <backingStore>}. */
public record BackingStore(String sourceType, Optional<String> path, Optional<String> format) {

    public BackingStore {
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
    }
}
