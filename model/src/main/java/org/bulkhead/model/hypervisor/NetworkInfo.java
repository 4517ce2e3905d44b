package org.bulkhead.model.hypervisor;

import java.util.Objects;

/** A virtual network a new domain's NIC can join, and whether it is running. */
public record NetworkInfo(String name, boolean active) {

    public NetworkInfo {
        Objects.requireNonNull(name, "name");
    }
}
